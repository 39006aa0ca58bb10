package cn.zhibu.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a database superuser can do to the audit log without the app's keys: lift the append-only trigger, edit or
 * delete rows, renumber a chain and recompute its hashes with plain SM3 as the code before keyed chains did — and,
 * where a key-version column exists, mark the recomputed rows as entries from before the keys (the attacker's best
 * bet). Also puts a chain back as it was, so the tests that share the database leave it intact.
 */
final class Superuser {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Superuser(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    record Row(int chain, long seq, OffsetDateTime at, long actorId, String actorName, String action,
               String entityType, String entityId, String orgPath, String before, String after, String prevHash,
               String hash, int keyVersion) {
    }

    /** The chain with the most entries (so that it has a middle). */
    int longestChain() {
        return jdbc.sql("select chain from audit_log group by chain order by count(*) desc, chain limit 1")
                .query(Integer.class).single();
    }

    List<Row> rows(int chain) {
        boolean versioned = hasKeyVersion();
        return jdbc.sql("select * from audit_log where chain = ? order by seq").param(chain)
                .query((rs, i) -> new Row(rs.getInt("chain"), rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class),
                        rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("org_path"),
                        rs.getString("before_json"), rs.getString("after_json"), rs.getString("prev_hash"),
                        rs.getString("hash"), versioned ? rs.getInt("key_version") : 0))
                .list();
    }

    void sql(String statement, Object... params) {
        unguarded(() -> jdbc.sql(statement).params(params).update());
    }

    /** Deletes one entry and renumbers the rest of its chain to close the gap. */
    void deleteAndRenumber(int chain, long seq) {
        unguarded(() -> {
            jdbc.sql("delete from audit_log where chain = ? and seq = ?").params(chain, seq).update();
            // two steps, so that no intermediate row collides with the primary key
            jdbc.sql("update audit_log set seq = -seq where chain = ? and seq > ?").params(chain, seq).update();
            jdbc.sql("update audit_log set seq = -seq - 1 where chain = ? and seq < 0").param(chain).update();
        });
    }

    /** Recomputes the links and hashes from {@code fromSeq} on with plain SM3, as an attacker without the key can. */
    void recomputeWithPlainSm3(int chain, long fromSeq) {
        boolean versioned = hasKeyVersion();
        unguarded(() -> {
            List<Row> rows = rows(chain);
            String prev = rows.stream().filter(r -> r.seq() == fromSeq - 1).map(Row::hash).findFirst()
                    .orElse("0".repeat(64));
            for (Row r : rows) {
                if (r.seq() < fromSeq) {
                    continue;
                }
                String hash = Sm3.hex(String.join("\u001f", prev, Long.toString(r.seq()), r.at().toInstant().toString(),
                        Long.toString(r.actorId()), String.valueOf(r.actorName()), r.action(), r.entityType(),
                        String.valueOf(r.entityId()), String.valueOf(r.orgPath()), String.valueOf(r.before()),
                        String.valueOf(r.after())));
                jdbc.sql("update audit_log set prev_hash = ?, hash = ? where chain = ? and seq = ?")
                        .params(prev, hash, chain, r.seq()).update();
                if (versioned) {
                    jdbc.sql("update audit_log set key_version = 0 where chain = ? and seq = ?").params(chain, r.seq())
                            .update();
                }
                prev = hash;
            }
        });
    }

    /** Puts the chain back exactly as it was. */
    void restore(int chain, List<Row> rows) {
        boolean versioned = hasKeyVersion();
        unguarded(() -> {
            jdbc.sql("delete from audit_log where chain = ?").param(chain).update();
            for (Row r : rows) {
                jdbc.sql("insert into audit_log(chain, seq, at, actor_id, actor_name, action, entity_type, entity_id,"
                                + " org_path, before_json, after_json, prev_hash, hash" + (versioned ? ", key_version" : "")
                                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (versioned ? ", ?" : "") + ")")
                        .params(versioned ? new Object[]{r.chain(), r.seq(), r.at(), r.actorId(), r.actorName(),
                                r.action(), r.entityType(), r.entityId(), r.orgPath(), r.before(), r.after(),
                                r.prevHash(), r.hash(), r.keyVersion()}
                                : new Object[]{r.chain(), r.seq(), r.at(), r.actorId(), r.actorName(), r.action(),
                                r.entityType(), r.entityId(), r.orgPath(), r.before(), r.after(), r.prevHash(),
                                r.hash()})
                        .update();
            }
        });
    }

    private boolean hasKeyVersion() {
        return jdbc.sql("select exists(select 1 from information_schema.columns where table_name = 'audit_log'"
                + " and column_name = 'key_version')").query(Boolean.class).single();
    }

    private void unguarded(Runnable work) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table audit_log disable trigger audit_log_no_change").update();
            work.run();
            jdbc.sql("alter table audit_log enable trigger audit_log_no_change").update();
        });
    }

}
