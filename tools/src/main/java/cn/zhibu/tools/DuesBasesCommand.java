package cn.zhibu.tools;

import cn.zhibu.generator.DuesBaseSeed;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code dues-bases}: writes the generator's 党费 bases into an existing generated database, in one transaction —
 * for a data set generated before the generator wrote them.
 */
final class DuesBasesCommand {

    private DuesBasesCommand() {
    }

    static int run(String[] args) {
        SeedArgs options;
        long seed;
        try {
            options = SeedArgs.parse(args);
            seed = options.seed();
        } catch (SeedArgs.UsageException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        try (Connection c = options.connect()) {
            long n = DuesBaseSeed.write(c, seed, options.replace());
            c.commit();
            System.out.printf("已写入党费基数 %,d 条，用时 %.1f 秒%n", n, (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (SQLException | IllegalStateException e) {
            System.err.println("未能写入党费基数：" + e.getMessage());
            return 1;
        }
    }
}
