package cn.zhibu.platform;

import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditChainIntegrationTest {

    @Autowired TestData data;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void every_write_is_recorded_with_before_and_after() {
        Organization branch = data.org(data.committee("审计测试党委").id(), "审计测试支部", OrganizationType.BRANCH);
        var member = data.member(branch.id(), "审计", MemberStatus.FULL);
        var entries = audit.recent(TestData.SYSTEM, "member", 0, 5);
        assertThat(entries.get(0).entityId()).isEqualTo(Long.toString(member.id()));
        assertThat(entries.get(0).action()).isEqualTo("党员.录入");
        assertThat(entries.get(0).afterJson()).contains("审计").doesNotContain(member.idNumber());
        assertThat(entries.get(0).actorName()).isEqualTo("测试");
    }

    @Test
    void the_table_refuses_updates_and_deletes() {
        data.committee("审计只追加测试党委");
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor_name = 'x' where seq = 1").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where seq = 1").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void tampering_with_a_row_breaks_the_chain_check() {
        data.committee("审计篡改测试党委");
        assertThat(audit.verify().intact()).isTrue();
        // A row in the middle of the longest chain.
        int chain = jdbc.sql("select chain from audit_log group by chain order by count(*) desc limit 1")
                .query(Integer.class).single();
        long seq = jdbc.sql("select max(seq) from audit_log where chain = ?").param(chain).query(Long.class).single() - 1;
        String original = jdbc.sql("select after_json from audit_log where chain = ? and seq = ?")
                .params(chain, seq).query(String.class).single();
        // Someone with database rights switches the guard off and edits a row.
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table audit_log disable trigger audit_log_no_change").update();
            jdbc.sql("update audit_log set after_json = '{\"name\":\"篡改\"}' where chain = ? and seq = ?")
                    .params(chain, seq).update();
            jdbc.sql("alter table audit_log enable trigger audit_log_no_change").update();
        });
        try {
            AuditLog.ChainCheck check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenChain()).isEqualTo(chain);
            assertThat(check.firstBrokenSeq()).isEqualTo(seq);
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("alter table audit_log disable trigger audit_log_no_change").update();
                jdbc.sql("update audit_log set after_json = ? where chain = ? and seq = ?").params(original, chain, seq)
                        .update();
                jdbc.sql("alter table audit_log enable trigger audit_log_no_change").update();
            });
        }
        assertThat(audit.verify().intact()).isTrue();
    }
}
