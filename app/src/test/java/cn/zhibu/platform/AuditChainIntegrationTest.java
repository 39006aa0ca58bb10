package cn.zhibu.platform;

import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import cn.zhibu.platform.crypto.AuditKeyring;
import cn.zhibu.platform.audit.AuditChainCheck;
import cn.zhibu.platform.audit.PlatformAuditAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditChainIntegrationTest {

    @Autowired TestData data;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired DataDirectory dataDirectory;
    Superuser superuser;

    @BeforeEach
    void superuser() {
        superuser = new Superuser(jdbc, tx);
    }

    /** A checkpoint now, as the app writes every few minutes and at shutdown. */
    private void anchor() {
        audit.checkpoint();
    }

    /** A chain with at least three entries and a checkpoint of its head: what the attacks below start from. */
    private int anchoredChain(String marker) {
        for (int i = 0; i < 3; i++) {
            data.committee(marker + i);
        }
        anchor();
        assertThat(audit.verify().intact()).isTrue();
        return superuser.longestChain();
    }

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

    @Test
    void an_edit_recomputed_with_plain_sm3_is_detected() {
        int chain = anchoredChain("审计重算测试党委");
        List<Superuser.Row> original = superuser.rows(chain);
        long seq = original.get(original.size() - 2).seq();
        try {
            superuser.sql("update audit_log set after_json = '{\"name\":\"篡改\"}' where chain = ? and seq = ?",
                    chain, seq);
            superuser.recomputeWithPlainSm3(chain, seq);
            AuditLog.ChainCheck check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenChain()).isEqualTo(chain);
            assertThat(check.firstBrokenSeq()).isEqualTo(seq);
            assertThat(check.problem()).contains("第 " + chain + " 号链第 " + seq + " 条记录");

            // the whole chain recomputed from its first entry, every row passed off as older than the keys
            superuser.restore(chain, original);
            superuser.sql("update audit_log set actor_name = '别人' where chain = ? and seq = 1", chain);
            superuser.recomputeWithPlainSm3(chain, 1);
            check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenChain()).isEqualTo(chain);
        } finally {
            superuser.restore(chain, original);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void a_deletion_in_the_middle_is_detected_also_when_the_rest_is_renumbered_and_recomputed() {
        int chain = anchoredChain("审计删除中间测试党委");
        List<Superuser.Row> original = superuser.rows(chain);
        long seq = original.get(original.size() - 2).seq();
        try {
            superuser.sql("delete from audit_log where chain = ? and seq = ?", chain, seq);
            assertThat(audit.verify().firstBrokenSeq()).isEqualTo(seq);

            superuser.restore(chain, original);
            superuser.deleteAndRenumber(chain, seq);
            superuser.recomputeWithPlainSm3(chain, seq);
            AuditLog.ChainCheck check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenChain()).isEqualTo(chain);
            assertThat(check.firstBrokenSeq()).isEqualTo(seq);
        } finally {
            superuser.restore(chain, original);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void a_deletion_at_the_end_is_detected_by_the_last_checkpoint() {
        int chain = anchoredChain("审计删除末尾测试党委");
        List<Superuser.Row> original = superuser.rows(chain);
        long last = original.get(original.size() - 1).seq();
        try {
            superuser.sql("delete from audit_log where chain = ? and seq = ?", chain, last);
            AuditLog.ChainCheck check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenChain()).isEqualTo(chain);
            assertThat(check.firstBrokenSeq()).isEqualTo(last);
            assertThat(check.problem()).contains("末尾的记录被删除");
        } finally {
            superuser.restore(chain, original);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void the_checkpoint_file_is_owner_only_and_an_edited_checkpoint_is_reported() throws Exception {
        anchor();
        var file = dataDirectory.checkpointFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String content = Files.readString(file);
        try {
            // someone lowers the recorded length of a chain, to hide a deletion at its end
            var firstLength = java.util.regex.Pattern.compile("\"seq\":([1-9][0-9]*)").matcher(content);
            assertThat(firstLength.find()).isTrue();
            long lowered = Long.parseLong(firstLength.group(1)) - 1;
            Files.writeString(file, content.substring(0, firstLength.start()) + "\"seq\":" + lowered
                    + content.substring(firstLength.end()));
            AuditLog.ChainCheck check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.problem()).contains("检查点文件").contains("签名不符");
        } finally {
            Files.writeString(file, content);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void concurrent_appends_to_one_chain_each_link_to_the_entry_committed_before_them() throws Exception {
        // one entity: every append goes to the same chain, and each must read the head its predecessor committed
        String entityId = "并发-" + System.nanoTime();
        int threads = 8;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                appends.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        tx.executeWithoutResult(status -> audit.record(TestData.SYSTEM,
                                PlatformAuditAction.CALENDAR_DAY_CHANGED, "audit_race", entityId, null, null,
                                Map.of("n", 1)));
                    }
                }));
            }
            for (var append : appends) {
                append.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int chain = jdbc.sql("select distinct chain from audit_log where entity_type = 'audit_race' and entity_id = ?")
                .param(entityId).query(Integer.class).single();
        List<Long> seqs = jdbc.sql("select seq from audit_log where chain = ? order by seq").param(chain)
                .query(Long.class).list();
        assertThat(seqs).hasSize((int) (seqs.get(seqs.size() - 1) - seqs.get(0) + 1)); // no gap, no duplicate
        assertThat(jdbc.sql("select count(*) from audit_log where entity_id = ?").param(entityId).query(Long.class)
                .single()).isEqualTo((long) threads * perThread);
        anchor();
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void entries_keep_their_key_version_so_a_rotated_keyring_still_verifies_them() throws Exception {
        data.committee("审计密钥轮换测试党委");
        anchor();
        assertThat(jdbc.sql("select distinct key_version from audit_log").query(Integer.class).list()).containsExactly(1);
        Properties keyFile = new Properties();
        try (var in = Files.newInputStream(dataDirectory.keyFile())) {
            keyFile.load(in);
        }
        String version1 = keyFile.getProperty("audit-key.1");
        String version2 = "5a".repeat(32);
        var rotated = AuditKeyring.load("1:" + version1 + ",2:" + version2, null);
        assertThat(rotated.current()).isEqualTo(2);
        assertThat(AuditChainCheck.verify(jdbc, rotated, dataDirectory.checkpointFile(), "").intact()).isTrue();

        var withoutTheOldKey = AuditKeyring.load("2:" + version2, null);
        AuditLog.ChainCheck check = AuditChainCheck.verify(jdbc, withoutTheOldKey, dataDirectory.checkpointFile(), "");
        assertThat(check.intact()).isFalse();
        assertThat(check.problem()).contains("签名不符"); // the checkpoints were signed with version 1 as well
    }
}
