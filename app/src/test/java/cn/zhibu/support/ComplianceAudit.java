package cn.zhibu.support;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.CompliancePeriod;
import cn.zhibu.life.compliance.CompliancePolicy;
import cn.zhibu.life.compliance.ComplianceClass;
import cn.zhibu.life.compliance.Exempted;
import cn.zhibu.life.compliance.HeldMonth;
import cn.zhibu.life.compliance.OrgProfile;
import cn.zhibu.life.compliance.PeriodType;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recounts compliance from scratch and lists what disagrees with what was kept incrementally: the profiles against
 * the organization tables, what each organization held against the meetings, each organization's own facts against
 * the policy applied to the recounted meetings, and the roll-up (folded and pending) against the profiles and own
 * facts counted at every ancestor.
 */
@Component
public class ComplianceAudit {

    private final JdbcClient jdbc;

    public ComplianceAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every disagreement found, one line each; empty when all is exact. */
    public List<String> mismatches() {
        return mismatchesIn(null);
    }

    /**
     * The same within one subtree: its organizations' profiles, meetings and own facts, and the roll-up rows of its
     * organizations. Tests that share a database with others use it: another module's test may write meetings
     * straight into the tables, as compliance's own fixture does before telling the listeners.
     */
    public List<String> mismatchesIn(TreePath subtree) {
        Scope scope = new Scope(subtree);
        List<String> all = new ArrayList<>();
        all.addAll(profileMismatches(scope));
        all.addAll(heldMismatches(scope));
        all.addAll(ownMismatches(scope));
        all.addAll(rollupMismatches(scope));
        return all;
    }

    /** A subtree as SQL conditions on an organization id column (everything when null). */
    private record Scope(TreePath subtree) {
        String on(String orgIdColumn) {
            return subtree == null ? "true" : "(select o.path from organization o where o.id = " + orgIdColumn + ") >= '"
                    + subtree.value() + "' and (select o.path from organization o where o.id = " + orgIdColumn
                    + ") < '" + subtree.upperBound() + "'";
        }
    }

    public List<String> profileMismatches() {
        return profileMismatches(new Scope(null));
    }

    private List<String> profileMismatches(Scope scope) {
        return jdbc.sql("""
                        select 'profile ' || coalesce(f.org_id, k.org_id) || ': fresh ' || coalesce(f::text, '-')
                               || ', kept ' || coalesce(k::text, '-')
                        from life_compliance_org_recount f
                        full join life_compliance_org k on k.org_id = f.org_id
                        where (f.org_path, f.class, f.due_from, f.due_until, f.committee_from)
                              is distinct from (k.org_path, k.class, k.due_from, k.due_until, k.committee_from)
                          and %s""".formatted(scope.on("coalesce(f.org_id, k.org_id)")))
                .query(String.class).list();
    }

    /** What each organization held, counted from the meetings that count (held and recorded). */
    private static final String HELD_FRESH = """
            select m.org_id, date_trunc('month', m.held_on)::date as month, k.kind, count(*)::int as meetings,
                   sum((select count(*) from life_invitee i where i.meeting_id = m.id))::int as invited,
                   sum((select count(*) from life_invitee i where i.meeting_id = m.id and i.checked_in_at is not null))::int
                       as attended,
                   sum(case when m.late then 1 else 0 end)::int as late
            from life_meeting m join life_meeting_kind k on k.meeting_id = m.id
            where m.status in ('HELD', 'CONFIRMED')
            group by 1, 2, 3""";

    public List<String> heldMismatches() {
        return heldMismatches(new Scope(null));
    }

    private List<String> heldMismatches(Scope scope) {
        return jdbc.sql("""
                        with fresh as (%s)
                        select 'held ' || coalesce(f.org_id, k.org_id) || ' ' || coalesce(f.month, k.month) || ' '
                               || coalesce(f.kind, k.kind) || ': fresh ' || coalesce(f::text, '-') || ', kept '
                               || coalesce(k::text, '-')
                        from fresh f
                        full join life_compliance_held k on k.org_id = f.org_id and k.month = f.month and k.kind = f.kind
                        where (f.meetings, f.invited, f.attended, f.late)
                              is distinct from (k.meetings, k.invited, k.attended, k.late)
                          and %s""".formatted(HELD_FRESH, scope.on("coalesce(f.org_id, k.org_id)")))
                .query(String.class).list();
    }

    /** Each organization's own facts as the policy gives them from the recounted meetings and the exemptions. */
    public List<String> ownMismatches() {
        return ownMismatches(new Scope(null));
    }

    private List<String> ownMismatches(Scope scope) {
        Map<Long, OrgProfile> profiles = new HashMap<>();
        jdbc.sql("select org_id, class, due_from, due_until, committee_from from life_compliance_org where "
                + scope.on("org_id")).query(rs -> {
            profiles.put(rs.getLong("org_id"), new OrgProfile(ComplianceClass.valueOf(rs.getString("class")),
                    month(rs.getObject("due_from", LocalDate.class)), month(rs.getObject("due_until", LocalDate.class)),
                    month(rs.getObject("committee_from", LocalDate.class))));
        });
        Map<Long, List<HeldMonth>> held = new HashMap<>();
        Map<Long, Set<Integer>> years = new HashMap<>();
        jdbc.sql(HELD_FRESH).query(rs -> {
            YearMonth m = month(rs.getObject("month", LocalDate.class));
            held.computeIfAbsent(rs.getLong("org_id"), k -> new ArrayList<>()).add(new HeldMonth(
                    MeetingKind.valueOf(rs.getString("kind")), m, rs.getInt("meetings"), rs.getInt("invited"),
                    rs.getInt("attended"), rs.getInt("late")));
            years.computeIfAbsent(rs.getLong("org_id"), k -> new TreeSet<>()).add(m.getYear());
        });
        Map<Long, List<Exempted>> exempted = new HashMap<>();
        jdbc.sql("select org_id, kind, period_type, period_start from life_compliance_exemption").query(rs -> {
            String kind = rs.getString("kind");
            YearMonth first = month(rs.getObject("period_start", LocalDate.class));
            exempted.computeIfAbsent(rs.getLong("org_id"), k -> new ArrayList<>()).add(new Exempted(
                    kind == null ? null : MeetingKind.valueOf(kind),
                    new CompliancePeriod(PeriodType.valueOf(rs.getString("period_type")), first)));
            years.computeIfAbsent(rs.getLong("org_id"), k -> new TreeSet<>()).add(first.getYear());
        });
        Set<String> fresh = new TreeSet<>();
        years.forEach((orgId, ys) -> {
            OrgProfile profile = profiles.get(orgId);
            List<Integer> tracked = ys.stream().filter(y -> y >= 2020).toList();
            if (profile != null && !tracked.isEmpty()) {
                CompliancePolicy.own(profile, held.getOrDefault(orgId, List.of()), exempted.getOrDefault(orgId, List.of()),
                        tracked).forEach(f -> fresh.add(orgId + " " + f.metric() + " " + f.period()));
            }
        });
        Set<String> kept = new TreeSet<>(jdbc.sql("select org_id || ' ' || metric || ' ' || to_char(period, 'YYYY-MM')"
                + " from life_compliance_own where " + scope.on("org_id")).query(String.class).list());
        List<String> mismatches = new ArrayList<>();
        fresh.stream().filter(f -> !kept.contains(f)).forEach(f -> mismatches.add("own missing: " + f));
        kept.stream().filter(k -> !fresh.contains(k)).forEach(k -> mismatches.add("own extra: " + k));
        return mismatches;
    }

    /** The roll-up as readers see it (folded plus pending) against a fresh count over every ancestor. */
    public List<String> rollupMismatches() {
        return rollupMismatches(new Scope(null));
    }

    private List<String> rollupMismatches(Scope scope) {
        return jdbc.sql("""
                        with kept as (
                            select org_id, metric, period, sum(n)::int as n from (
                                select org_id, metric, period, n from life_compliance_rollup
                                union all
                                select org_id, metric, period, n from life_compliance_rollup_delta) r
                            group by 1, 2, 3 having sum(n) <> 0)
                        select 'rollup ' || coalesce(f.org_id, k.org_id) || ' ' || coalesce(f.metric, k.metric) || ' '
                               || coalesce(f.period, k.period) || ': fresh ' || coalesce(f.n, 0) || ', kept ' || coalesce(k.n, 0)
                        from life_compliance_rollup_recount f
                        full join kept k on k.org_id = f.org_id and k.metric = f.metric and k.period = f.period
                        where coalesce(f.n, 0) <> coalesce(k.n, 0) and %s""".formatted(scope.on("coalesce(f.org_id, k.org_id)")))
                .query(String.class).list();
    }

    public long pendingRows() {
        return jdbc.sql("select count(*) from life_compliance_rollup_delta").query(Long.class).single();
    }

    private static YearMonth month(LocalDate day) {
        return day == null ? null : YearMonth.from(day);
    }
}
