package cn.zhibu.fuzz;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fingerprint of the data a caller must not change: per table, a hash of each row that lies outside the caller's
 * subtrees. Taken before and after a fuzz run; any difference is a write outside the caller's scope.
 *
 * <p>"Outside" is decided by the caller's organizations (by id, so a subtree that moves stays the caller's), read
 * again at each fingerprint. What the caller may rightly change outside its subtree is left out, each for a reason:
 * <ul>
 *   <li>the audit log and 公示 comments are append-only: the caller adds its own entries and comments (also on a
 *       higher organization's 公示 it may see), so new rows are the caller's; rows that existed must stay as they
 *       were;</li>
 *   <li>{@code publicity.comment_count} counts those comments;</li>
 *   <li>roll-up tables are derived counts that include the caller's subtree at every ancestor;</li>
 *   <li>the login bookkeeping of accounts (failed attempts, lock, last login) and tokens belong to logging in, not to
 *       organization data; an account's link to its member record is cleared when the caller rightly deletes that
 *       member (the member table shows whether it was the caller's to delete);</li>
 *   <li>a transfer is the caller's if either end is in its subtree.</li>
 * </ul>
 * Tables that do not exist (yet) in the database are skipped, so the fingerprint works on older and newer schemas.
 */
public final class OutsideScopeFingerprint {

    /** The caller's subtrees, given by root organization ids: a row whose path starts with one is inside. */
    private static final String INSIDE = "exists (select 1 from organization r where r.id = any(?) and starts_with(%s, r.path))";

    /** A table's outside rows; of an append-only table only rows that went or changed count, not new ones. */
    private record Table(String name, String rows, boolean appendOnly) {

        Table(String name, String rows) {
            this(name, rows, false);
        }
    }

    private final DataSource dataSource;
    private final Long[] rootOrgIds;

    private OutsideScopeFingerprint(DataSource dataSource, List<Long> rootOrgIds) {
        this.dataSource = dataSource;
        this.rootOrgIds = rootOrgIds.toArray(Long[]::new);
    }

    /** For a caller whose scope is the subtrees of these organizations (none: a member without a managed scope). */
    public static OutsideScopeFingerprint of(DataSource dataSource, List<Long> rootOrgIds) {
        return new OutsideScopeFingerprint(dataSource, rootOrgIds);
    }

    private List<Table> tables() {
        String memberPath = "coalesce((select m.org_path from member m where m.id = t.member_id), "
                + "(select a.org_path from member_archive a where a.id = t.member_id))";
        return List.of(
                new Table("organization", outside("t.path", "organization t")),
                new Table("member", outside("t.org_path", "member t")),
                new Table("member_archive", outside("t.org_path", "member_archive t")),
                new Table("member_status_event", outside("t.org_path", "member_status_event t")),
                new Table("member_transfer", "select to_jsonb(t) from member_transfer t where not "
                        + inside("t.from_org_path") + " and not " + inside("t.to_org_path")),
                new Table("member_transfer_step", "select to_jsonb(t) from member_transfer_step t "
                        + "join member_transfer x on x.id = t.transfer_id where not " + inside("x.from_org_path")
                        + " and not " + inside("x.to_org_path")),
                // an outflow whose member was deleted belongs to no one any more: the member's own row tells
                new Table("floating_outflow", outside(memberPath, "floating_outflow t") + " and " + memberPath
                        + " is not null"),
                new Table("floating_inflow", outside("t.org_path", "floating_inflow t")),
                new Table("committee_term", "select to_jsonb(t) from committee_term t join organization o on o.id = t.org_id"
                        + " where not " + inside("o.path")),
                new Table("committee_seat", "select to_jsonb(t) from committee_seat t join organization o on o.id = t.org_id"
                        + " where not " + inside("o.path")),
                new Table("admission_case", "select to_jsonb(t) from admission_case t join organization o on o.id = t.org_id"
                        + " where not " + inside("o.path")),
                new Table("admission_step", "select to_jsonb(t) from admission_step t join admission_case c on c.id = t.case_id"
                        + " join organization o on o.id = c.org_id where not " + inside("o.path")),
                new Table("admission_amendment", "select to_jsonb(t) from admission_amendment t "
                        + "join admission_case c on c.id = t.case_id join organization o on o.id = c.org_id where not "
                        + inside("o.path")),
                new Table("admission_document", "select to_jsonb(t) from admission_document t "
                        + "join admission_case c on c.id = t.case_id join organization o on o.id = c.org_id where not "
                        + inside("o.path")),
                new Table("publicity", "select to_jsonb(t) - 'comment_count' from publicity t where not "
                        + inside("t.org_path")),
                new Table("publicity_comment", "select to_jsonb(t) from publicity_comment t "
                        + "join publicity p on p.id = t.publicity_id where not " + inside("p.org_path"), true),
                new Table("life_meeting", outside("t.org_path", "life_meeting t")),
                new Table("life_invitee", "select to_jsonb(t) from life_invitee t "
                        + "join life_meeting m on m.id = t.meeting_id where not " + inside("m.org_path")),
                new Table("life_record", "select to_jsonb(t) from life_record t "
                        + "join life_meeting m on m.id = t.meeting_id where not " + inside("m.org_path")),
                new Table("life_record_file", "select to_jsonb(t) - 'content' from life_record_file t "
                        + "join life_meeting m on m.id = t.meeting_id where not " + inside("m.org_path")),
                new Table("life_record_amendment", "select to_jsonb(t) from life_record_amendment t "
                        + "join life_meeting m on m.id = t.meeting_id where not " + inside("m.org_path")),
                new Table("calendar_day", "select to_jsonb(t) from calendar_day t"),
                new Table("app_user", "select to_jsonb(t) - 'failed_attempts' - 'locked_until' - 'last_login_at' "
                        + "- 'member_id' from app_user t"),
                new Table("user_role", "select to_jsonb(t) from user_role t"),
                new Table("audit_log", "select to_jsonb(t) from audit_log t", true));
    }

    private static String inside(String pathColumn) {
        return "coalesce(" + String.format(INSIDE, pathColumn) + ", false)";
    }

    private static String outside(String pathExpression, String from) {
        return "select to_jsonb(t) from " + from + " where not " + inside(pathExpression);
    }

    /** Table → its outside rows, each by its hash (with the row's text, shortened, to show in a difference). */
    public Map<String, Map<String, String>> take() {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Table table : tables()) {
                if (!exists(c, table.name())) {
                    continue;
                }
                int params = table.rows().split("any\\(\\?\\)", -1).length - 1;
                String sql = "select md5(x::text), left(x::text, 400) from (" + table.rows() + ") as rows(x)";
                Map<String, String> rows = new TreeMap<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Array roots = c.createArrayOf("bigint", rootOrgIds);
                    for (int i = 1; i <= params; i++) {
                        ps.setArray(i, roots);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                tables.put(table.name(), rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fingerprint failed: " + e.getMessage(), e);
        }
        return tables;
    }

    /** Per table whose outside rows differ: how many, and a few rows that went and came. */
    public List<String> differences(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
        List<String> diffs = new ArrayList<>();
        for (Table t : tables()) {
            String table = t.name();
            if (!before.containsKey(table)) {
                continue;
            }
            Map<String, String> was = before.get(table);
            Map<String, String> is = after.getOrDefault(table, Map.of());
            if (was.keySet().equals(is.keySet())) {
                continue;
            }
            List<String> gone = was.keySet().stream().filter(h -> !is.containsKey(h)).map(was::get).toList();
            List<String> came = is.keySet().stream().filter(h -> !was.containsKey(h)).map(is::get).toList();
            if (t.appendOnly() && gone.isEmpty()) {
                continue;
            }
            StringBuilder b = new StringBuilder(table + ": " + gone.size() + " rows changed or removed, " + came.size()
                    + " changed or added");
            gone.stream().limit(3).forEach(r -> b.append("\n    was ").append(r));
            came.stream().limit(3).forEach(r -> b.append("\n    now ").append(r));
            diffs.add(b.toString());
        }
        return diffs;
    }

    public static int rowCount(Map<String, Map<String, String>> fingerprint) {
        return fingerprint.values().stream().mapToInt(Map::size).sum();
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
