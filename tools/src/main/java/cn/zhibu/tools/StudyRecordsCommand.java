package cn.zhibu.tools;

import cn.zhibu.generator.StudySeed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code study-records}: writes the generator's 学习教育 records (courses, progress, 学时, study years and the year's
 * roll-up) into an existing generated database, in one transaction, set-based.
 */
final class StudyRecordsCommand {

    private StudyRecordsCommand() {
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
        long seed;
        int year;
        try {
            seed = Long.parseLong(options.getOrDefault("seed", "1"));
            year = Integer.parseInt(options.getOrDefault("year", Integer.toString(Year.now().getValue())));
        } catch (NumberFormatException e) {
            System.err.println("--seed 和 --year 应为整数");
            return 2;
        }
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, options.getOrDefault("db-user", "zhibu"),
                options.getOrDefault("db-password", ""))) {
            c.setAutoCommit(false);
            StudySeed.Written w = StudySeed.write(c, seed, year, replace);
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
