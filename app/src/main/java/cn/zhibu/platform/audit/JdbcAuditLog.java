package cn.zhibu.platform.audit;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditFilter;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.crypto.AuditKeyring;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Each entry's hash is HMAC-SM3, under the current audit key, over the previous hash of its chain and the entry's own
 * fields (see {@link ChainRow}), so changing, removing or reordering any row breaks every later link of that chain
 * and nobody without the key can recompute it. Appends to one chain are serialized by a transaction-scoped advisory
 * lock, taken by the database function that then reads the chain's head ({@code audit_chain_head}); a trigger
 * refuses UPDATE, DELETE and TRUNCATE on the table (which a superuser can lift: hence the key and the checkpoints).
 */
@Component
class JdbcAuditLog implements AuditLog {

    private static final long CHAIN_LOCK = 0x7a6869627541L;
    /** Writers to different entities mostly land on different chains; 16 is plenty for 2–16 cores. */
    static final int CHAINS = 16;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditKeyring keys;
    private final AuditCheckpoints checkpoints;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json, AuditKeyring keys, AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.json = json;
        this.keys = keys;
        this.checkpoints = checkpoints;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(DataScope actor, AuditAction auditAction, String entityType, Object entityId, String orgPath,
                       Object before, Object after) {
        String action = auditAction.code();
        String id = entityId == null ? null : entityId.toString();
        int chain = Math.floorMod(java.util.Objects.hash(entityType, id), CHAINS);
        // the chain's lock and its head in one round trip (V56): a write's audit entry is two statements, not three
        Map<String, Object> head = jdbc.sql("select seq, hash from audit_chain_head(?::smallint, ?)")
                .params(chain, CHAIN_LOCK + chain).query().singleRow();
        Number lastSeq = (Number) head.get("seq");
        long seq = lastSeq == null ? 1 : lastSeq.longValue() + 1;
        String prev = lastSeq == null ? ChainRow.GENESIS : (String) head.get("hash");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChainRow row = new ChainRow(chain, seq, at, actor.actorId(), actor.actorName(), action, entityType, id, orgPath,
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after), prev, keys.current(), null);
        jdbc.sql("""
                insert into audit_log(chain, seq, at, actor_id, actor_name, action, entity_type, entity_id, org_path,
                                      before_json, after_json, prev_hash, hash, key_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(chain, seq, at.atOffset(ZoneOffset.UTC), row.actorId(), row.actorName(), action, entityType,
                        id, orgPath, row.beforeJson(), row.afterJson(), prev, row.computeHash(keys), row.keyVersion())
                .update();
    }

    @Override
    public List<Entry> search(DataScope scope, AuditFilter filter, int page, int size) {
        Paging paging = Paging.of(page, size);
        return select(scope, filter, paging.size(), paging.offset());
    }

    @Override
    public List<Entry> all(DataScope scope, AuditFilter filter, int limit) {
        return select(scope, filter, limit, 0);
    }

    private List<Entry> select(DataScope scope, AuditFilter filter, int limit, long offset) {
        Map<String, Object> params = DataScope.params();
        String where = where(scope, filter, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select * from audit_log where " + where + " order by at desc, chain, seq desc limit :limit offset :offset")
                .params(params)
                .query((rs, i) -> new Entry(rs.getInt("chain"), rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("org_path"),
                        rs.getString("before_json"), rs.getString("after_json"), rs.getString("hash")))
                .list();
    }

    @Override
    public long count(DataScope scope, AuditFilter filter) {
        Map<String, Object> params = DataScope.params();
        String where = where(scope, filter, params);
        return jdbc.sql("select count(*) from audit_log where " + where).params(params).query(Long.class).single();
    }

    /** The caller's scope first (an 组织管理员 sees the entries of their subtrees only), then the filter. */
    private static String where(DataScope scope, AuditFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(scope.orgAdminScopeSql("org_path", params));
        if (filter.entityType() != null) {
            where.append(" and entity_type = :entityType");
            params.put("entityType", filter.entityType());
        }
        if (filter.action() != null) {
            where.append(" and action = :action");
            params.put("action", filter.action());
        }
        if (filter.actorId() != null) {
            where.append(" and actor_id = :actorId");
            params.put("actorId", filter.actorId());
        }
        if (filter.actor() != null) {
            where.append(" and actor_name like :actor escape '\\'");
            params.put("actor", filter.actor().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        ZoneId zone = ZoneId.systemDefault();
        if (filter.from() != null) {
            where.append(" and at >= :fromAt");
            params.put("fromAt", filter.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" and at < :toAt");
            params.put("toAt", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        return where.toString();
    }

    @Override
    public ChainCheck verify() {
        return new ChainVerifier(jdbc, keys, checkpoints.log(), CHAINS).verify();
    }

    @Override
    public void checkpoint() {
        checkpoints.write("MANUAL", true);
    }

    @Override
    public void emptiedDeliberately() {
        checkpoints.resetAfterCommit();
    }
}
