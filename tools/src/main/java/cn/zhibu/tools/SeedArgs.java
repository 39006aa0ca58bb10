package cn.zhibu.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The options of a command that adds benchmark data to an existing database: {@code --jdbc-url} (required),
 * {@code --db-user}, {@code --db-password}, {@code --seed} (1), {@code --replace}, and the command's own
 * {@code --name value} pairs.
 */
record SeedArgs(Map<String, String> options, boolean replace) {

    /** A command line that cannot be used; its message says why, for the user. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static SeedArgs parse(String[] args) throws UsageException {
        Map<String, String> options = new HashMap<>();
        boolean replace = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--replace")) {
                replace = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new UsageException("不认识的参数：" + args[i]);
            }
        }
        if (!options.containsKey("jdbc-url")) {
            throw new UsageException("请给出 --jdbc-url（以及 --db-user、--db-password）");
        }
        return new SeedArgs(Map.copyOf(options), replace);
    }

    /** An option's value as an integer, or the default when it is not given. */
    long number(String name, long otherwise) throws UsageException {
        String value = options.get(name);
        try {
            return value == null ? otherwise : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " 应为整数");
        }
    }

    /** The same within the range of an int. */
    int integer(String name, int otherwise) throws UsageException {
        long n = number(name, otherwise);
        if (n != (int) n) {
            throw new UsageException("--" + name + " 应为整数");
        }
        return (int) n;
    }

    long seed() throws UsageException {
        return number("seed", 1);
    }

    /** A connection to the database, not in auto-commit: the command writes in one transaction. */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(options.get("jdbc-url"), options.getOrDefault("db-user", "zhibu"),
                options.getOrDefault("db-password", ""));
        c.setAutoCommit(false);
        return c;
    }
}
