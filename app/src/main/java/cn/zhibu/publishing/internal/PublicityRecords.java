package cn.zhibu.publishing.internal;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import cn.zhibu.publishing.Publicity;
import cn.zhibu.publishing.PublicityComment;
import cn.zhibu.publishing.PublicityStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code publicity} and {@code publicity_comment} tables. Reads that list take the caller's scope and turn it into
 * path ranges (managed subtrees) and organization ids (the caller's own organization and its ancestors); reads by id
 * return the row and leave the scope decision to the service.
 */
@Repository
public class PublicityRecords {

    private static final String SELECT = """
            select p.*, o.name as org_name from publicity p join organization o on o.id = p.org_id""";

    private final JdbcClient jdbc;

    PublicityRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long orgId, TreePath orgPath, long rootId, String title, String body, LocalDate startsOn,
                       LocalDate endsOn, int workingDays, String subjectType, Long subjectId, String publishedBy) {
        return jdbc.sql("""
                        insert into publicity (org_id, org_path, root_id, title, body, starts_on, ends_on, working_days,
                                               subject_type, subject_id, published_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orgId, orgPath.value(), rootId, title, body, startsOn, endsOn, workingDays, subjectType,
                        subjectId, publishedBy)
                .query(Long.class).single();
    }

    public Optional<Publicity> find(long id, LocalDate today) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query((rs, i) -> map(rs, today)).optional();
    }

    /** The row, locked until the end of the transaction: comments and a withdrawal of one 公示 queue. */
    public Optional<Publicity> findForUpdate(long id, LocalDate today) {
        return jdbc.sql(SELECT + " where p.id = ? for update of p").param(id).query((rs, i) -> map(rs, today))
                .optional();
    }

    public List<Publicity> forSubject(String subjectType, long subjectId, LocalDate today) {
        return jdbc.sql(SELECT + " where p.subject_type = ? and p.subject_id = ? order by p.starts_on desc, p.id desc")
                .params(subjectType, subjectId).query((rs, i) -> map(rs, today)).list();
    }

    /**
     * What the caller may see: 公示 of the subtrees they manage, and those of their own organization and its
     * ancestors (a member sees the notices addressed to them).
     */
    public List<Publicity> visible(DataScope scope, PublicityStatus status, LocalDate today, int limit, long offset) {
        Map<String, Object> params = DataScope.params();
        String where = visibleWhere(scope, status, today, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + " where " + where + " order by p.starts_on desc, p.id desc limit :limit offset :offset")
                .params(params).query((rs, i) -> map(rs, today)).list();
    }

    public long countVisible(DataScope scope, PublicityStatus status, LocalDate today) {
        Map<String, Object> params = DataScope.params();
        String where = visibleWhere(scope, status, today, params);
        return jdbc.sql("select count(*) from publicity p where " + where).params(params).query(Long.class).single();
    }

    private static String visibleWhere(DataScope scope, PublicityStatus status, LocalDate today,
                                       Map<String, Object> params) {
        String where = scope.memberScopeSql("p.org_path", params);
        if (!scope.all() && scope.selfOrgPath() != null) {
            where = "(" + where + " or p.org_id in (:selfOrgs))";
            params.put("selfOrgs", scope.selfOrgPath().ids());
        }
        if (status != null) {
            params.put("today", today);
            where += switch (status) {
                case WITHDRAWN -> " and p.withdrawn_at is not null";
                case UPCOMING -> " and p.withdrawn_at is null and p.starts_on > :today";
                case OPEN -> " and p.withdrawn_at is null and p.starts_on <= :today and p.ends_on >= :today";
                case ENDED -> " and p.withdrawn_at is null and p.ends_on < :today";
            };
        }
        return where;
    }

    public void withdraw(long id, String by, String reason) {
        jdbc.sql("update publicity set withdrawn_at = now(), withdrawn_by = ?, withdraw_reason = ? where id = ?")
                .params(by, reason, id).update();
    }

    public long addComment(long publicityId, String text, boolean anonymous, byte[] authorKey, Long authorUserId,
                           String authorName) {
        long id = jdbc.sql("""
                        insert into publicity_comment (publicity_id, text, anonymous, author_key, author_user_id, author_name)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(publicityId, text, anonymous, authorKey, authorUserId, authorName).query(Long.class).single();
        jdbc.sql("update publicity set comment_count = comment_count + 1 where id = ?").param(publicityId).update();
        return id;
    }

    /** Whether the person with this pseudonym has commented on the 公示. */
    public boolean hasCommentBy(long publicityId, byte[] authorKey) {
        return jdbc.sql("select exists (select 1 from publicity_comment where publicity_id = ? and author_key = ?)")
                .params(publicityId, authorKey).query(Boolean.class).single();
    }

    /** Comments on one 公示, oldest first: all of them, or only those whose author key is given. */
    public List<PublicityComment> comments(long publicityId, byte[] callerKey, boolean onlyCallers) {
        return jdbc.sql("select * from publicity_comment where publicity_id = ?"
                        + (onlyCallers ? " and author_key = ?" : "") + " order by id")
                .params(onlyCallers ? new Object[]{publicityId, callerKey} : new Object[]{publicityId})
                .query((rs, i) -> new PublicityComment(rs.getLong("id"), rs.getLong("publicity_id"),
                        rs.getString("text"), rs.getBoolean("anonymous"), rs.getString("author_name"),
                        instant(rs, "created_at"), Arrays.equals(callerKey, rs.getBytes("author_key"))))
                .list();
    }

    /** An organization moved: its 公示 and those of its subtree follow it. */
    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        SubtreeRewrite.rewrite(jdbc, "publicity", oldPath, newPath, newRootId);
    }

    private static Publicity map(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate startsOn = rs.getObject("starts_on", LocalDate.class);
        LocalDate endsOn = rs.getObject("ends_on", LocalDate.class);
        Instant withdrawnAt = instant(rs, "withdrawn_at");
        return new Publicity(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                rs.getString("title"), rs.getString("body"), startsOn, endsOn, rs.getInt("working_days"),
                rs.getString("subject_type"), rs.getObject("subject_id", Long.class),
                PublicityStatus.of(startsOn, endsOn, withdrawnAt != null, today).label(), rs.getInt("comment_count"),
                rs.getString("published_by"), instant(rs, "published_at"), withdrawnAt, rs.getString("withdrawn_by"),
                rs.getString("withdraw_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
