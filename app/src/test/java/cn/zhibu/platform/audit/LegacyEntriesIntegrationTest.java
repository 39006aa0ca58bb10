package cn.zhibu.platform.audit;

import cn.zhibu.platform.AuditLog.ChainCheck;
import cn.zhibu.platform.crypto.AuditKeyring;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries written before the chain was keyed (version 0, plain SM3) stay as they were and verify — but only where
 * they can be: before every keyed entry and, once anchored, not after the first checkpoint. Each case runs on a
 * scratch copy of the audit table in a transaction that is rolled back.
 */
@IntegrationTest
class LegacyEntriesIntegrationTest {

    private static final AuditKeyring KEYS = AuditKeyring.load("1:" + "3c".repeat(32), null);

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @TempDir Path dir;

    private CheckpointLog checkpoints() {
        return new CheckpointLog(List.of(dir.resolve("checkpoints.log")), KEYS, JsonMapper.builder().build());
    }

    private ChainCheck verify(CheckpointLog log) {
        return new ChainVerifier(jdbc, KEYS, log, JdbcAuditLog.CHAINS).verify();
    }

    /** Runs the case against an empty scratch audit table of the same shape, then throws it all away. */
    private void onScratchTable(Consumer<CheckpointLog> scenario) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("create schema audit_scratch").update();
            jdbc.sql("create table audit_scratch.audit_log (like public.audit_log including all)").update();
            jdbc.sql("set local search_path = audit_scratch").update();
            scenario.accept(checkpoints());
            status.setRollbackOnly();
        });
    }

    private void append(int version) {
        var last = jdbc.sql("select seq, hash from audit_log where chain = 0 order by seq desc limit 1")
                .query((rs, i) -> new ChainHead(0, rs.getLong(1), rs.getString(2))).optional()
                .orElse(new ChainHead(0, 0, ChainRow.GENESIS));
        long seq = last.seq() + 1;
        ChainRow row = new ChainRow(0, seq, Instant.now().truncatedTo(ChronoUnit.MICROS), 1, "旧系统", "党员.录入",
                "member", Long.toString(seq), "/1/", null, "{\"n\":" + seq + "}", last.hash(), version, null);
        jdbc.sql("""
                        insert into audit_log(chain, seq, at, actor_id, actor_name, action, entity_type, entity_id,
                                              org_path, before_json, after_json, prev_hash, hash, key_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(0, seq, row.at().atOffset(ZoneOffset.UTC), row.actorId(), row.actorName(), row.action(),
                        row.entityType(), row.entityId(), row.orgPath(), null, row.afterJson(), row.prevHash(),
                        row.computeHash(KEYS), version)
                .update();
    }

    private void checkpoint(CheckpointLog log) {
        log.append("START", AuditCheckpoints.heads(jdbc));
    }

    @Test
    void entries_from_before_the_keys_verify_and_the_chain_goes_on_keyed() {
        onScratchTable(log -> {
            append(0);
            append(0);
            append(0);
            checkpoint(log); // the upgraded app's first start anchors them
            append(1);
            append(1);
            ChainCheck check = verify(log);
            assertThat(check.intact()).as(String.valueOf(check.problem())).isTrue();
            assertThat(check.checked()).isEqualTo(5);
        });
    }

    @Test
    void an_entry_passed_off_as_older_than_the_keys_after_the_first_checkpoint_is_refused() {
        onScratchTable(log -> {
            append(0);
            checkpoint(log);
            append(0); // written as a legacy entry after the first checkpoint: a downgrade
            ChainCheck check = verify(log);
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBrokenSeq()).isEqualTo(2);
            assertThat(check.problem()).contains("启用密钥前的旧记录");
        });
    }

    @Test
    void without_a_checkpoint_a_legacy_entry_after_a_keyed_one_is_refused() {
        onScratchTable(log -> {
            append(0);
            append(1);
            append(0);
            ChainCheck check = verify(log);
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBrokenSeq()).isEqualTo(3);
        });
    }
}
