package cn.zhibu.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts the SQL statements the calling thread sends through Spring's JdbcTemplate (every JdbcClient call), by
 * listening to its debug log while open. Transaction BEGIN/COMMIT are not statements of JdbcTemplate and are not
 * counted. Use in try-with-resources around one service call.
 */
public final class StatementCount implements AutoCloseable {

    private static final String LOGGER = "org.springframework.jdbc.core.JdbcTemplate";

    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    private final Level previous = logger.getLevel();
    private final Thread thread = Thread.currentThread();
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            // "Executing prepared SQL statement [sql]" / "Executing SQL statement [sql]" / "Executing SQL query [sql]"
            if (event.getThreadName().equals(thread.getName()) && message.startsWith("Executing")
                    && message.contains(" [")) {
                statements.add(message.substring(message.indexOf('[') + 1, message.length() - 1));
            }
        }
    };

    private StatementCount() {
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    public static StatementCount open() {
        return new StatementCount();
    }

    public int count() {
        return statements.size();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
        appender.stop();
    }
}
