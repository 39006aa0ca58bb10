package cn.zhibu.tools;

import cn.zhibu.generator.DuesBaseSeed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code dues-bases}: writes the generator's 党费 bases into an existing generated database, in one transaction —
 * for a data set generated before the generator wrote them.
 */
final class DuesBasesCommand {

    private DuesBasesCommand() {
    }

    static int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        boolean replace = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--replace")) {
                replace = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                System.err.println("不认识的参数：" + args[i]);
                return 2;
            }
        }
        String url = options.get("jdbc-url");
        if (url == null) {
            System.err.println("请给出 --jdbc-url（以及 --db-user、--db-password）");
            return 2;
        }
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, options.getOrDefault("db-user", "zhibu"),
                options.getOrDefault("db-password", ""))) {
            c.setAutoCommit(false);
            long n = DuesBaseSeed.write(c, seed, replace);
            c.commit();
            System.out.printf("已写入党费基数 %,d 条，用时 %.1f 秒%n", n, (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (SQLException | IllegalStateException e) {
            System.err.println("未能写入党费基数：" + e.getMessage());
            return 1;
        }
    }
}
