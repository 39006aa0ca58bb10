package cn.zhibu.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One JDBC connection to the app's database, used from the main thread only: to sample organizations and members,
 * to run the naive baselines and to recount roll-ups. The app itself is only ever measured over HTTP.
 */
final class Db implements AutoCloseable {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;

    private Db(Connection connection) {
        this.connection = connection;
    }

    static Db connect(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "zhibu-bench");
        try {
            // The driver directly, not DriverManager: inside the Boot jar the service lookup depends on class loaders.
            Connection connection = new org.postgresql.Driver().connect(url, properties);
            if (connection == null) {
                throw new BenchException("not a PostgreSQL JDBC URL: " + url);
            }
            connection.setAutoCommit(true);
            return new Db(connection);
        } catch (SQLException e) {
            throw new BenchException("cannot connect to the database " + url + ": " + e.getMessage(), e);
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    long queryLong(String sql, Object... params) {
        List<Long> rows = query(sql, rs -> rs.getLong(1), params);
        return rows.isEmpty() ? 0 : rows.get(0);
    }

    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Runs a plain (unprepared) statement, reads every row and returns the sum of its last column, as a naive
     * implementation would run its SQL and add up the counts.
     */
    long sumOfLastColumn(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int last = rs.getMetaData().getColumnCount();
            long sum = 0;
            while (rs.next()) {
                sum += rs.getLong(last);
            }
            return sum;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Deadlocks PostgreSQL has detected in this database since its statistics were last reset. */
    long deadlocks() {
        return queryLong("select deadlocks from pg_stat_database where datname = current_database()");
    }

    /** Makes random() in this session, and so every "order by random()" sample, repeatable. */
    void seedRandom(long seed) {
        query("select setseed(?)", rs -> null, (double) (Math.abs(seed) % 1000) / 1000.0);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at exit: nothing left to do with the connection anyway
        }
    }

    private void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            if (param instanceof String[] texts) {
                param = array("text", texts);
            } else if (param instanceof Long[] ids) {
                param = array("bigint", ids);
            }
            statement.setObject(i + 1, param);
        }
    }

    private Array array(String type, Object[] elements) throws SQLException {
        return connection.createArrayOf(type, elements);
    }

    private static BenchException failure(String sql, SQLException e) {
        String head = sql.strip().replaceAll("\\s+", " ");
        return new BenchException("SQL failed (" + (head.length() > 100 ? head.substring(0, 100) + "…" : head)
                + "): " + e.getMessage(), e);
    }
}
