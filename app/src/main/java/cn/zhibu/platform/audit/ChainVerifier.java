package cn.zhibu.platform.audit;

import cn.zhibu.platform.AuditLog.ChainCheck;
import cn.zhibu.platform.crypto.AuditKeyring;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

/**
 * Walks every chain in order and checks each entry against its hash, its link to the entry before and the
 * checkpoints: an edited entry fails its HMAC; a chain recomputed without the key fails the HMAC of every entry; an
 * entry deleted in the middle leaves a gap or a broken link; an entry deleted at the end leaves the chain shorter
 * than its last checkpoint; an entry passed off as one from before the keys (version 0) comes after keyed entries or
 * after the first checkpoint. Plain code, so that the restore command can run it without the application.
 */
final class ChainVerifier {

    private final JdbcClient jdbc;
    private final AuditKeyring keys;
    private final CheckpointLog checkpoints;
    private final int chains;

    ChainVerifier(JdbcClient jdbc, AuditKeyring keys, CheckpointLog checkpoints, int chains) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.chains = chains;
    }

    ChainCheck verify() {
        CheckpointLog.Anchors anchors = checkpoints.read();
        Instant anchoredAt = anchors.latest();
        if (!anchors.problems().isEmpty()) {
            return new ChainCheck(false, 0, null, null, String.join("；", anchors.problems()), anchoredAt);
        }
        long checked = 0;
        for (int chain = 0; chain < chains; chain++) {
            Walk walk = new Walk(chain, anchors.of(chain));
            jdbc.sql("select * from audit_log where chain = ? order by seq").param(chain)
                    .query((RowCallbackHandler) rs -> walk.next(ChainRow.of(rs)));
            walk.end();
            checked += walk.checked;
            if (walk.problem != null) {
                return new ChainCheck(false, checked, chain, walk.brokenSeq, walk.problem, anchoredAt);
            }
        }
        return new ChainCheck(true, checked, null, null, null, anchoredAt);
    }

    /** One chain, entry by entry; stops at the first problem. */
    private final class Walk {

        private final int chain;
        private final CheckpointLog.Anchor anchor;
        private long expectedSeq = 1;
        private String prev = ChainRow.GENESIS;
        private boolean keyedSeen;
        private long checked;
        private String problem;
        private Long brokenSeq;

        Walk(int chain, CheckpointLog.Anchor anchor) {
            this.chain = chain;
            this.anchor = anchor;
        }

        void next(ChainRow row) {
            if (problem != null) {
                return;
            }
            long seq = row.seq();
            String at = "第 " + chain + " 号链第 " + seq + " 条记录";
            if (seq != expectedSeq) {
                fail(expectedSeq, "第 " + chain + " 号链缺少第 " + expectedSeq + " 条记录：中间的记录被删除");
                return;
            }
            if (!prev.equals(row.prevHash())) {
                fail(seq, at + "与前一条记录的链接不符：记录被删除、插入或重排");
                return;
            }
            if (row.keyVersion() == ChainRow.LEGACY) {
                if (keyedSeen || (anchor != null && seq > anchor.firstSeq())) {
                    fail(seq, at + "自称是启用密钥前的旧记录，却晚于已用密钥签名的记录或首个检查点：记录被改动");
                    return;
                }
            } else if (!keys.has(row.keyVersion())) {
                fail(seq, at + "使用的审计密钥版本 " + row.keyVersion() + " 不在已配置的密钥中");
                return;
            } else {
                keyedSeen = true;
            }
            String stored = row.storedHash();
            if (!row.computeHash(keys).equals(stored)) {
                fail(seq, at + (row.keyVersion() == ChainRow.LEGACY ? "（启用密钥前的旧记录）的哈希不符：记录被改动"
                        : "的 HMAC 不符：记录被改动，或在没有密钥的情况下重算了哈希"));
                return;
            }
            if (anchor != null && ((seq == anchor.firstSeq() && !stored.equals(anchor.firstHash()))
                    || (seq == anchor.lastSeq() && !stored.equals(anchor.lastHash())))) {
                fail(seq, at + "与检查点记下的哈希不符：该记录或之前的记录被改动后重算");
                return;
            }
            prev = stored;
            expectedSeq++;
            checked++;
        }

        void end() {
            if (problem == null && anchor != null && expectedSeq - 1 < anchor.lastSeq()) {
                fail(expectedSeq, "第 " + chain + " 号链只有 " + (expectedSeq - 1) + " 条记录，而检查点（" + anchor.lastAt()
                        + "）记下了 " + anchor.lastSeq() + " 条：末尾的记录被删除");
            }
        }

        private void fail(long seq, String why) {
            problem = why;
            brokenSeq = seq;
        }
    }
}
