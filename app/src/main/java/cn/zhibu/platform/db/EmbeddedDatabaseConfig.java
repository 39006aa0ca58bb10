package cn.zhibu.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a real PostgreSQL from the binaries on the classpath when no {@code spring.datasource.url} is given,
 * so that {@code ./mvnw spring-boot:run} needs nothing installed. Data stays under the configured directory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    /** Spring closes it after the pool (the pool depends on it), so no zonky shutdown hook is needed. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${zhibu.embedded-db.data-dir:}") String dataDir,
                                      @Value("${zhibu.embedded-db.port:0}") int port) throws IOException {
        Path dir = dataDir.isBlank() ? Files.createTempDirectory("zhibu-pg") : Path.of(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        OrphanPostmaster.stopIfRunning(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(dataDir.isBlank())
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("plan_cache_mode", "force_custom_plan");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("内置 PostgreSQL 已启动：数据目录 {}，端口 {}", dir, pg.getPort());
        return pg;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres pg, @Value("${zhibu.embedded-db.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("zhibu-embedded");
        config.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
        return new HikariDataSource(config);
    }
}
