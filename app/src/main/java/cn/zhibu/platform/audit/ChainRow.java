package cn.zhibu.platform.audit;

import cn.zhibu.platform.Sm3;
import cn.zhibu.platform.crypto.AuditKeyring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One audit entry as its hash covers it. Entries of key version 0 were written before the chain was keyed and keep
 * their plain SM3 hash; every later entry is HMAC-SM3 under the key of its version, over its chain, position, link
 * and fields, so that nobody without the key can recompute the chain after changing it.
 */
record ChainRow(int chain, long seq, Instant at, long actorId, String actorName, String action, String entityType,
                String entityId, String orgPath, String beforeJson, String afterJson, String prevHash,
                int keyVersion, String storedHash) {

    static final String GENESIS = "0".repeat(64);
    static final int LEGACY = 0;

    static ChainRow of(ResultSet rs) throws SQLException {
        return new ChainRow(rs.getInt("chain"), rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("org_path"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("prev_hash"),
                rs.getInt("key_version"), rs.getString("hash"));
    }

    /** The hash this entry must have: plain SM3 for version 0, else HMAC-SM3 under the key of its version. */
    String computeHash(AuditKeyring keys) {
        if (keyVersion == LEGACY) {
            return legacyHash(prevHash, seq, at, actorId, actorName, action, entityType, entityId, orgPath, beforeJson,
                    afterJson);
        }
        return keys.mac(keyVersion, String.join("\u001f", "zhibu-audit-entry", Integer.toString(keyVersion),
                Integer.toString(chain), Long.toString(seq), prevHash, at.toString(), Long.toString(actorId),
                String.valueOf(actorName), action, entityType, String.valueOf(entityId), String.valueOf(orgPath),
                String.valueOf(beforeJson), String.valueOf(afterJson)));
    }

    /** The plain SM3 hash of the entries written before the chain was keyed (and of migrations before V17). */
    static String legacyHash(String prev, long seq, Instant at, long actorId, String actorName, String action,
                             String entityType, String entityId, String orgPath, String before, String after) {
        return Sm3.hex(String.join("\u001f", prev, Long.toString(seq), at.toString(), Long.toString(actorId),
                String.valueOf(actorName), action, entityType, String.valueOf(entityId), String.valueOf(orgPath),
                String.valueOf(before), String.valueOf(after)));
    }
}
