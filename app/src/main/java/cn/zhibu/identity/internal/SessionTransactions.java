package cn.zhibu.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Browser sessions are saved (last access time) on every page request. Their transactions run on a transaction
 * manager of their own, outside the application's: they change no organization data, so they must not count as
 * changes for the read cache ({@code platform.DataChanges} follows the application's transaction manager).
 * Declaring this operations bean makes Spring Boot's default {@code transactionTemplate} step back, so it is
 * declared here as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionTransactions {

    @Bean
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        TransactionTemplate sessions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        sessions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return sessions;
    }

    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }
}
