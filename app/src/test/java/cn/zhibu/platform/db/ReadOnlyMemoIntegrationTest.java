package cn.zhibu.platform.db;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization is read once per read-only transaction (the inbox's sources each look it up), never kept past
 * it, and never in a transaction that writes.
 */
@IntegrationTest
class ReadOnlyMemoIntegrationTest {

    @Autowired TestData data;
    @Autowired OrganizationService organizations;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void a_read_only_transaction_reads_an_organization_once_and_the_next_one_sees_a_change() {
        Organization org = data.committee("备忘党委" + System.nanoTime() % 1_000_000);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        readOnly.executeWithoutResult(s -> {
            Organization first = organizations.get(TestData.SYSTEM, org.id());
            rename(org.id(), "另一个名字"); // another connection: this transaction keeps what it read
            assertThat(organizations.get(TestData.SYSTEM, org.id())).isSameAs(first);
        });
        readOnly.executeWithoutResult(s ->
                assertThat(organizations.get(TestData.SYSTEM, org.id()).name()).isEqualTo("另一个名字"));
    }

    @Test
    void a_transaction_that_writes_reads_afresh_every_time() {
        Organization org = data.committee("备忘写党委" + System.nanoTime() % 1_000_000);
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            Organization first = organizations.get(TestData.SYSTEM, org.id());
            jdbc.sql("update organization set name = ? where id = ?").params("写后名字", org.id()).update();
            Organization again = organizations.get(TestData.SYSTEM, org.id());
            assertThat(again).isNotSameAs(first);
            assertThat(again.name()).isEqualTo("写后名字");
        });
    }

    private void rename(long id, String name) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(s -> jdbc.sql("update organization set name = ? where id = ?").params(name, id).update());
    }
}
