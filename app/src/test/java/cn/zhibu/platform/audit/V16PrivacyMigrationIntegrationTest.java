package cn.zhibu.platform.audit;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.publishing.PublicityDraft;
import cn.zhibu.publishing.PublicityService;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V16 on data as the code before it wrote: an anonymous comment whose audit entry named its author. After it the
 * entry names no one, the audit chain still verifies, and the author still finds the comment as their own.
 */
@IntegrationTest
class V16PrivacyMigrationIntegrationTest {

    @Autowired V16PrivacyMigration migration;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired PublicityService publicity;
    @Autowired TestData data;

    @Test
    void earlier_anonymous_comments_lose_their_author_and_the_audit_chain_still_verifies() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization branch = data.org(data.committee("迁移测试党委" + suffix).id(), "迁移测试支部", OrganizationType.BRANCH);
        long p = publicity.publish(SYSTEM, new PublicityDraft(branch.id(), "迁移前的公示", "内容", LocalDate.now(), 5, null,
                null)).id();
        DataScope author = new DataScope(7_000_000 + System.nanoTime() % 1_000_000, "旧匿名作者" + suffix, false,
                List.of(), List.of(), null, branch.path(), false);
        long comment = jdbc.sql("""
                        insert into publicity_comment (publicity_id, text, anonymous, author_key)
                        values (?, '旧的匿名意见', true, ?) returning id""")
                .params(p, new byte[]{1, 2, 3}).query(Long.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            audit.record(author, "公示.提意见", "publicity_comment", comment, null, null,
                    Map.of("publicityId", p, "anonymous", true, "text", "旧的匿名意见"));
            // later entries, so that the chain of the changed one goes on after it
            for (int i = 0; i < 32; i++) {
                audit.record(SYSTEM, "测试.迁移后续", "migration_test", suffix + i, null, null, Map.of("i", i));
            }
        });

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            migration.rekeyComments(c);
            migration.anonymizeCommentEntries(c);
            c.commit();
        }

        Map<String, Object> entry = jdbc.sql("select * from audit_log where entity_type = 'publicity_comment' and entity_id = ?")
                .param(Long.toString(comment)).query().singleRow();
        assertThat(entry).containsEntry("actor_id", DataScope.ANONYMOUS_ACTOR_ID).containsEntry("actor_name", "匿名")
                .containsEntry("org_path", branch.path().value());
        assertThat(jdbc.sql("select count(*) from audit_log where actor_name = ?").param(author.actorName())
                .query(Long.class).single()).isZero();
        assertThat(audit.verify().intact()).isTrue();
        assertThat(publicity.comments(author, p)).singleElement().satisfies(c -> assertThat(c.mine()).isTrue());
        assertThatThrownBy(() -> publicity.comment(author, p, "再提一条", false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("每人限提一次");
        // the append-only trigger is back
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor_name = 'x' where entity_id = ?")
                .param(Long.toString(comment)).update()).hasMessageContaining("append-only");
    }
}
