package cn.zhibu.tools;

import cn.zhibu.generator.StudySeed;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Year;

/**
 * {@code study-records}: writes the generator's 学习教育 records (courses, progress, 学时, study years and the year's
 * roll-up) into an existing generated database, in one transaction, set-based.
 */
final class StudyRecordsCommand {

    private StudyRecordsCommand() {
    }

    static int run(String[] args) {
        SeedArgs options;
        long seed;
        int year;
        try {
            options = SeedArgs.parse(args);
            seed = options.seed();
            year = options.integer("year", Year.now().getValue());
        } catch (SeedArgs.UsageException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        try (Connection c = options.connect()) {
            StudySeed.Written w = StudySeed.write(c, seed, year, options.replace());
            c.commit();
            System.out.printf("已写入%d年学习记录：课程 %,d 门，学习进度 %,d 条，学时记录 %,d 条，年度学时 %,d 人，汇总 %,d 行，用时 %.1f 秒%n",
                    year, w.courses(), w.progress(), w.credits(), w.years(), w.rollupRows(),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (SQLException | IllegalStateException e) {
            System.err.println("未能写入学习记录：" + e.getMessage());
            return 1;
        }
    }
}
