package cn.zhibu.life.compliance.internal;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.ComplianceClass;
import cn.zhibu.life.compliance.CompliancePolicy.OwnFact;
import cn.zhibu.life.compliance.HeldMonth;
import cn.zhibu.life.compliance.OrgProfile;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plain SQL over an organization's compliance bookkeeping: its profile (what the roll-up counts it as), what it held
 * per month and kind, and its own facts. Months are stored as their first day.
 */
@Repository
public class ComplianceRecords {

    private final JdbcClient jdbc;

    ComplianceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A profile as stored, with the path of the organization it belongs to. */
    public record StoredProfile(long orgId, TreePath path, OrgProfile profile) {
    }

    // ---- profiles ----------------------------------------------------------------------------------------

    /**
     * The organization as it is now, as a profile. Reads the organization and committee tables directly, the one read
     * across the module line here: the first term's start is not part of the organization module's API, and this
     * runs inside that module's transactions, on every change of an organization.
     */
    public Optional<StoredProfile> fromOrganization(long orgId) {
        return jdbc.sql("""
                        select o.path, o.type, o.established_on, o.dissolved_on,
                               (select count(*) from committee_seat s join committee_term t on t.id = s.term_id
                                where t.org_id = o.id and t.current) as seats,
                               (select min(t.term_start) from committee_term t where t.org_id = o.id) as first_term
                        from organization o where o.id = ?""")
                .param(orgId)
                .query((rs, i) -> new StoredProfile(orgId, new TreePath(rs.getString("path")), OrgProfile.of(
                        OrganizationType.valueOf(rs.getString("type")), rs.getObject("established_on", LocalDate.class),
                        rs.getObject("dissolved_on", LocalDate.class), rs.getInt("seats"),
                        rs.getObject("first_term", LocalDate.class))))
                .optional();
    }

    /** The stored profile, locked: one writer at a time recounts an organization. */
    public Optional<StoredProfile> lockProfile(long orgId) {
        return jdbc.sql(PROFILE + " where org_id = ? for update").param(orgId).query((rs, i) -> profile(rs)).optional();
    }

    public Optional<StoredProfile> profile(long orgId) {
        return jdbc.sql(PROFILE + " where org_id = ?").param(orgId).query((rs, i) -> profile(rs)).optional();
    }

    public Map<Long, StoredProfile> profiles(Collection<Long> orgIds) {
        Map<Long, StoredProfile> found = new HashMap<>();
        if (!orgIds.isEmpty()) {
            jdbc.sql(PROFILE + " where org_id in (:ids)").param("ids", orgIds)
                    .query((rs, i) -> profile(rs)).list().forEach(p -> found.put(p.orgId(), p));
        }
        return found;
    }

    /** Inserts the profile unless one exists (a concurrent writer created it first); true if inserted. */
    public boolean insertProfile(StoredProfile p) {
        return jdbc.sql("""
                        insert into life_compliance_org (org_id, org_path, class, due_from, due_until, committee_from)
                        values (?, ?, ?, ?, ?, ?) on conflict (org_id) do nothing""")
                .params(p.orgId(), p.path().value(), p.profile().cls().name(), day(p.profile().dueFrom()),
                        day(p.profile().dueUntil()), day(p.profile().committeeFrom()))
                .update() == 1;
    }

    public void updateProfile(long orgId, OrgProfile p) {
        jdbc.sql("update life_compliance_org set class = ?, due_from = ?, due_until = ?, committee_from = ? where org_id = ?")
                .params(p.cls().name(), day(p.dueFrom()), day(p.dueUntil()), day(p.committeeFrom()), orgId)
                .update();
    }

    /** A move: the profiles and exemptions of the subtree carry the new path. */
    public void rewritePaths(TreePath oldPath, TreePath newPath) {
        for (String table : List.of("life_compliance_org", "life_compliance_exemption")) {
            SubtreeRewrite.rewrite(jdbc, table, oldPath, newPath, null);
        }
    }

    private static final String PROFILE =
            "select org_id, org_path, class, due_from, due_until, committee_from from life_compliance_org";

    private static StoredProfile profile(ResultSet rs) throws SQLException {
        return new StoredProfile(rs.getLong("org_id"), new TreePath(rs.getString("org_path")),
                new OrgProfile(ComplianceClass.valueOf(rs.getString("class")), month(rs, "due_from"),
                        month(rs, "due_until"), month(rs, "committee_from")));
    }

    // ---- what was held -----------------------------------------------------------------------------------

    /** Adds (or with negative numbers takes away) meetings of a kind held in a month; a row left with none goes. */
    public void addHeld(long orgId, MeetingKind kind, YearMonth month, int meetings, int invited, int attended,
                        int late) {
        jdbc.sql("""
                        insert into life_compliance_held (org_id, month, kind, meetings, invited, attended, late)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (org_id, month, kind) do update set meetings = life_compliance_held.meetings + excluded.meetings,
                            invited = life_compliance_held.invited + excluded.invited,
                            attended = life_compliance_held.attended + excluded.attended,
                            late = life_compliance_held.late + excluded.late""")
                .params(orgId, day(month), kind.name(), meetings, invited, attended, late).update();
        if (meetings < 0) {
            jdbc.sql("delete from life_compliance_held where org_id = ? and month = ? and kind = ? and meetings <= 0")
                    .params(orgId, day(month), kind.name()).update();
        }
    }

    public List<HeldMonth> held(long orgId, Collection<Integer> years) {
        return held(List.of(orgId), years).getOrDefault(orgId, List.of());
    }

    public Map<Long, List<HeldMonth>> held(Collection<Long> orgIds, Collection<Integer> years) {
        Map<Long, List<HeldMonth>> held = new HashMap<>();
        if (orgIds.isEmpty() || years.isEmpty()) {
            return held;
        }
        jdbc.sql("""
                        select org_id, month, kind, meetings, invited, attended, late from life_compliance_held
                        where org_id in (:ids) and extract(year from month)::int in (:years) order by month, kind""")
                .param("ids", orgIds).param("years", years)
                .query(rs -> {
                    held.computeIfAbsent(rs.getLong("org_id"), k -> new ArrayList<>()).add(new HeldMonth(
                            MeetingKind.valueOf(rs.getString("kind")), month(rs, "month"), rs.getInt("meetings"),
                            rs.getInt("invited"), rs.getInt("attended"), rs.getInt("late")));
                });
        return held;
    }

    /** Every year the organization has anything counted in: meetings held, exemptions, own facts. */
    public Set<Integer> yearsWithData(long orgId) {
        return new TreeSet<>(jdbc.sql("""
                        select extract(year from month)::int from life_compliance_held where org_id = :id
                        union select extract(year from period_start)::int from life_compliance_exemption where org_id = :id
                        union select extract(year from period)::int from life_compliance_own where org_id = :id""")
                .param("id", orgId).query(Integer.class).list());
    }

    // ---- own facts ---------------------------------------------------------------------------------------

    public Set<OwnFact> own(long orgId, Collection<Integer> years) {
        if (years.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("""
                        select metric, period from life_compliance_own
                        where org_id = :id and extract(year from period)::int in (:years)""")
                .param("id", orgId).param("years", years)
                .query((rs, i) -> new OwnFact(rs.getString("metric"), month(rs, "period"))).list());
    }

    public void insertOwn(long orgId, Collection<OwnFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into life_compliance_own (org_id, metric, period)
                        select ?, * from unnest(?::text[], ?::date[])""")
                .params(orgId, facts.stream().map(OwnFact::metric).toArray(String[]::new),
                        facts.stream().map(f -> day(f.period()).toString()).toArray(String[]::new))
                .update();
    }

    public void deleteOwn(long orgId, Collection<OwnFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        delete from life_compliance_own where org_id = ? and (metric, period) in
                            (select * from unnest(?::text[], ?::date[]))""")
                .params(orgId, facts.stream().map(OwnFact::metric).toArray(String[]::new),
                        facts.stream().map(f -> day(f.period()).toString()).toArray(String[]::new))
                .update();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static LocalDate day(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    static YearMonth month(ResultSet rs, String column) throws SQLException {
        LocalDate d = rs.getObject(column, LocalDate.class);
        return d == null ? null : YearMonth.from(d);
    }
}
