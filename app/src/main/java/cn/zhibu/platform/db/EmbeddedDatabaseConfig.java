package cn.zhibu.platform.db;

import cn.zhibu.platform.DataDirectory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.time.Duration;

/**
 * Starts a real PostgreSQL from the binaries on the classpath when no {@code spring.datasource.url} is given,
 * so that {@code ./mvnw spring-boot:run} needs nothing installed. Data stays under the data directory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

    /** Spring closes it after the pool (the pool depends on it), so no zonky shutdown hook is needed. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DataDirectory data, @Value("${zhibu.embedded-db.port:0}") int port,
                                      @Value("${zhibu.embedded-db.durable:true}") boolean durable,
                                      @Value("${zhibu.embedded-db.startup-wait:PT2M}") Duration startupWait,
                                      Environment env)
            throws IOException {
        PostgresMemory memory = PostgresMemory.configured(env);
        return EmbeddedDatabase.start(new EmbeddedDatabase.Settings(data.postgres(), data.postgresPassword(), port,
                durable, data.temporary(), startupWait, memory));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase db, @Value("${zhibu.embedded-db.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(EmbeddedDatabase.USER);
        config.setPassword(db.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("zhibu-embedded");
        config.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
        return new HikariDataSource(config);
    }
}
