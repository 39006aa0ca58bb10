package cn.zhibu.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Once the app is up, analyzes again the columns whose statistics were written compressed before the embedded cluster
 * stored them uncompressed ({@link UncompressedStatistics}), so that planning gets faster without waiting for
 * autovacuum, which analyzes a table only after a share of its rows changed. In the background (at 5 M members 20
 * tables in 22 s), after the migrations (which would wait for the ANALYZE's lock), and once: the next start finds nothing.
 * Without the embedded cluster it does nothing.
 */
@Component
class StatisticsRewrite {

    private static final Logger log = LoggerFactory.getLogger(StatisticsRewrite.class);

    private final ObjectProvider<EmbeddedDatabase> embedded;
    private final DataSource dataSource;

    StatisticsRewrite(ObjectProvider<EmbeddedDatabase> embedded, DataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (embedded.getIfAvailable() != null) {
            Thread thread = new Thread(() -> rewrite(dataSource), "statistics-rewrite");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Analyzes each table's compressed columns; returns how many tables it analyzed (-1: it failed, and says so). */
    static int rewrite(DataSource dataSource) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Map<String, String> compressed = UncompressedStatistics.stillCompressed(c);
            if (compressed.isEmpty()) {
                return 0;
            }
            log.info("正在后台重新统计 {} 张表中仍为压缩存放的查询统计信息 …", compressed.size());
            for (Map.Entry<String, String> table : compressed.entrySet()) {
                s.execute("analyze " + table.getKey() + " (" + table.getValue() + ")");
            }
            log.info("查询统计信息已重新统计（{} 张表，用时 {} 秒）", compressed.size(), (System.nanoTime() - started) / 1_000_000_000);
            return compressed.size();
        } catch (SQLException | RuntimeException e) {
            log.warn("重新统计查询统计信息未完成（只影响规划语句的速度，下次启动时再做）：{}", e.getMessage());
            return -1;
        }
    }
}
