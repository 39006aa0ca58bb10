package cn.zhibu.platform.audit;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Pseudonyms;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * V16 (issue 11, scope and privacy). A Java migration because two of its changes need keys that are not in the
 * database:
 * <ol>
 *     <li>{@code id_number_hit}: the hourly count of 身份证号 hits elsewhere per user ({@link AuditedIdNumberHits});</li>
 *     <li>公示 comments: {@code author_key} becomes the pseudonym of (公示, user) under the pseudonym key
 *     ({@code Pseudonyms.of("publicity-comment", publicityId, userId)}, as {@code PublicityService} computes it),
 *     with an index for the one-comment-per-person check;</li>
 *     <li>the audit entries of earlier anonymous comments named their author: they now carry the anonymous actor
 *     and the 公示's organization, like new ones, and their chains are linked again from the first changed entry
 *     (the append-only trigger is off for this migration only).</li>
 * </ol>
 * The author of an old anonymous comment is read from its audit entry once, in memory, to compute the pseudonym,
 * and is not written anywhere.
 */
@Component
class V16PrivacyMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V16PrivacyMigration.class);
    static final String COMMENT_CONTEXT = "publicity-comment";

    private final Pseudonyms pseudonyms;

    V16PrivacyMigration(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("16");
    }

    @Override
    public String getDescription() {
        return "id number hits and anonymous comments";
    }

    @Override
    public Integer getChecksum() {
        return 16_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create table id_number_hit (
                        actor_id bigint not null,
                        at       timestamptz not null default now()
                    )""");
            s.execute("create index id_number_hit_actor on id_number_hit (actor_id, at)");
            s.execute("create index publicity_comment_author on publicity_comment (publicity_id, author_key)");
        }
        rekeyComments(c);
        anonymizeCommentEntries(c);
    }

    /** Every comment's author key becomes the pseudonym of (公示, author). */
    void rekeyComments(Connection c) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select pc.id, pc.publicity_id, coalesce(pc.author_user_id,
                    (select a.actor_id from audit_log a where a.entity_type = 'publicity_comment'
                       and a.entity_id = pc.id::text and a.actor_id > 0 order by a.at limit 1)) as author
                from publicity_comment pc""")) {
            while (rs.next()) {
                long author = rs.getLong(3);
                rows.add(new long[]{rs.getLong(1), rs.getLong(2), rs.wasNull() ? 0 : author});
            }
        }
        int unknown = 0;
        try (PreparedStatement update = c.prepareStatement("update publicity_comment set author_key = ? where id = ?")) {
            for (long[] r : rows) {
                if (r[2] == 0) {
                    // no author on record: the old key matches no one's pseudonym, so the comment is no one's "own"
                    unknown++;
                    continue;
                }
                update.setBytes(1, pseudonyms.of(COMMENT_CONTEXT, r[1], r[2]));
                update.setLong(2, r[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
        if (unknown > 0) {
            log.warn("{} 条公示意见没有可识别的提出人，迁移后不再显示为任何人自己的意见", unknown);
        }
    }

    /** The audit entries of anonymous comments lose their actor; the chains they are on are linked again. */
    void anonymizeCommentEntries(Connection c) throws SQLException {
        Map<Integer, Long> firstChanged = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            s.execute("alter table audit_log disable trigger audit_log_no_change");
            try (ResultSet rs = s.executeQuery("""
                    update audit_log a set actor_id = %d, actor_name = '匿名', org_path = p.org_path
                    from publicity_comment pc join publicity p on p.id = pc.publicity_id
                    where a.entity_type = 'publicity_comment' and a.entity_id = pc.id::text and pc.anonymous
                      and a.actor_id <> %d
                    returning a.chain, a.seq""".formatted(DataScope.ANONYMOUS_ACTOR_ID, DataScope.ANONYMOUS_ACTOR_ID))) {
                while (rs.next()) {
                    firstChanged.merge(rs.getInt(1), rs.getLong(2), Math::min);
                }
            }
            for (Map.Entry<Integer, Long> chain : firstChanged.entrySet()) {
                relink(c, chain.getKey(), chain.getValue());
            }
            s.execute("alter table audit_log enable trigger audit_log_no_change");
        }
        if (!firstChanged.isEmpty()) {
            log.info("已去除 {} 条审计链上匿名意见的提出人，并重新链接这些审计链", firstChanged.size());
        }
    }

    /** Recomputes the hashes of one chain from {@code fromSeq} on, each linked to the one before (as verify reads). */
    private static void relink(Connection c, int chain, long fromSeq) throws SQLException {
        String prev;
        try (PreparedStatement q = c.prepareStatement("select prev_hash from audit_log where chain = ? and seq = ?")) {
            q.setInt(1, chain);
            q.setLong(2, fromSeq);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                prev = rs.getString(1);
            }
        }
        try (PreparedStatement q = c.prepareStatement("select * from audit_log where chain = ? and seq >= ? order by seq");
             PreparedStatement u = c.prepareStatement("update audit_log set prev_hash = ?, hash = ? where chain = ? and seq = ?")) {
            q.setInt(1, chain);
            q.setLong(2, fromSeq);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    String hash = ChainRow.legacyHash(prev, seq, rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("action"),
                            rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("org_path"),
                            rs.getString("before_json"), rs.getString("after_json"));
                    u.setString(1, prev);
                    u.setString(2, hash);
                    u.setInt(3, chain);
                    u.setLong(4, seq);
                    u.addBatch();
                    prev = hash;
                }
            }
            u.executeBatch();
        }
    }
}
