package cn.zhibu.life.compliance;

import cn.zhibu.life.compliance.ComplianceYear.ComplianceCell;
import cn.zhibu.life.compliance.ComplianceYear.ComplianceGroupRow;
import cn.zhibu.life.compliance.ComplianceYear.ComplianceRequirementRow;
import cn.zhibu.life.compliance.ComplianceYear.ComplianceStillDue;
import cn.zhibu.life.compliance.internal.ComplianceRecords;
import cn.zhibu.life.compliance.internal.ComplianceRecords.StoredProfile;
import cn.zhibu.life.compliance.internal.ExemptionRecords;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An organization's year at a glance (the branch secretary's view), computed by {@link CompliancePolicy} from what it
 * held, its exemptions and its profile — the same facts the roll-up counts. Also what is still owed in the running
 * periods, for the page and the inbox.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationYears {

    private final OrganizationService organizations;
    private final ComplianceRecords records;
    private final ExemptionRecords exemptions;
    private final ComplianceSettings settings;

    OrganizationYears(OrganizationService organizations, ComplianceRecords records, ExemptionRecords exemptions,
                      ComplianceSettings settings) {
        this.organizations = organizations;
        this.records = records;
        this.exemptions = exemptions;
        this.settings = settings;
    }

    public ComplianceYear year(DataScope scope, long orgId, Integer year) {
        return year(scope, orgId, year, LocalDate.now());
    }

    ComplianceYear year(DataScope scope, long orgId, Integer year, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        int y = Years.check(year, today, errors);
        errors.throwIfAny();
        Organization org = organizations.getManaged(scope, orgId);
        List<Organization> groups = org.type().isBranch()
                ? organizations.children(scope, orgId, false).stream()
                        .filter(c -> c.type() == OrganizationType.GROUP).toList()
                : List.of();
        List<Long> ids = new ArrayList<>();
        ids.add(org.id());
        groups.forEach(g -> ids.add(g.id()));
        Facts facts = facts(ids, List.of(y));
        StoredProfile profile = facts.profile(org.id());
        List<ComplianceRequirementRow> rows = new ArrayList<>();
        for (Requirement r : Requirement.values()) {
            if (profile.profile().canHold(r)) {
                rows.add(row(r, profile, facts, y, today));
            }
        }
        List<ComplianceGroupRow> groupRows = groups.stream().map(g -> new ComplianceGroupRow(g.id(), g.name(),
                row(Requirement.GROUP, facts.profile(g.id()), facts, y, today).cells())).toList();
        List<ComplianceStillDue> stillDue = new ArrayList<>();
        if (y == today.getYear()) { // the running periods are this year's
            stillDue.addAll(stillDue(org, facts, today));
            groups.forEach(g -> stillDue.addAll(stillDue(g, facts, today)));
        }
        return new ComplianceYear(org.id(), org.name(), org.typeLabel(), y, today,
                of(rows, PeriodType.MONTH), of(rows, PeriodType.QUARTER), of(rows, PeriodType.YEAR), stillDue,
                groupRows, facts.exemptions(org.id()).stream().map(ExemptionRecords.Row::exemption).toList(),
                notes(org, profile.profile()), ExemptionService.mayExempt(scope, org.path().value()));
    }

    /** What is owed and not yet held, and what was missed in the periods that ended last. */
    record Reminders(List<ComplianceStillDue> open, List<ComplianceStillDue> missed) {
    }

    /**
     * For the inbox: what each organization still owes in the periods running on {@code today} (this month, quarter
     * and year, by the period's last day), and what it failed to hold in the periods that ended last.
     */
    Reminders reminders(List<Organization> orgs, LocalDate today) {
        List<Integer> years = new ArrayList<>(List.of(today.getYear()));
        if (today.getMonthValue() <= 3) {
            years.add(today.getYear() - 1); // last month, last quarter or last year ended in the year before
        }
        Facts facts = facts(orgs.stream().map(Organization::id).toList(), years);
        List<ComplianceStillDue> open = new ArrayList<>();
        List<ComplianceStillDue> missed = new ArrayList<>();
        for (Organization org : orgs) {
            open.addAll(stillDue(org, facts, today));
            for (PeriodType type : PeriodType.values()) {
                missed.addAll(owed(org, facts, CompliancePeriod.containing(type, today).previous(), today,
                        ObligationStatus.MISSED));
            }
        }
        return new Reminders(open, missed);
    }

    private List<ComplianceStillDue> stillDue(Organization org, Facts facts, LocalDate today) {
        List<ComplianceStillDue> due = new ArrayList<>();
        for (PeriodType type : PeriodType.values()) {
            due.addAll(owed(org, facts, CompliancePeriod.containing(type, today), today, ObligationStatus.OPEN));
        }
        due.sort((a, b) -> a.dueOn().compareTo(b.dueOn()));
        return due;
    }

    private List<ComplianceStillDue> owed(Organization org, Facts facts, CompliancePeriod period, LocalDate today,
                                          ObligationStatus wanted) {
        StoredProfile profile = facts.profile(org.id());
        List<ComplianceStillDue> owed = new ArrayList<>();
        for (Requirement r : Requirement.values()) {
            if (r.period() != period.type()) {
                continue;
            }
            ObligationStatus status = CompliancePolicy.status(profile.profile(), r, period, facts.held(org.id()),
                    facts.rules(org.id()), today, settings.lectureQuarterly());
            if (status == wanted) {
                owed.add(new ComplianceStillDue(org.id(), org.name(), r.name(), r.label(), r.rule(), period.key(),
                        period.relativeLabel(today), period.lastDay(),
                        ChronoUnit.DAYS.between(today, period.lastDay())));
            }
        }
        return owed;
    }

    private ComplianceRequirementRow row(Requirement r, StoredProfile profile, Facts facts, int year, LocalDate today) {
        List<ComplianceCell> cells = new ArrayList<>();
        Collection<HeldMonth> held = facts.held(profile.orgId());
        for (CompliancePeriod p : CompliancePeriod.of(r.period(), Year.of(year))) {
            ObligationStatus status = CompliancePolicy.status(profile.profile(), r, p, held,
                    facts.rules(profile.orgId()), today, settings.lectureQuarterly());
            int meetings = 0;
            int invited = 0;
            int attended = 0;
            int late = 0;
            for (HeldMonth h : held) {
                if (h.kind() == r.kind() && p.contains(h.month())) {
                    meetings += h.meetings();
                    invited += h.invited();
                    attended += h.attended();
                    late += h.late();
                }
            }
            String reason = status == ObligationStatus.EXEMPT ? facts.exemptions(profile.orgId()).stream()
                    .filter(e -> e.rule().covers(r, p)).map(e -> e.exemption().reason()).findFirst().orElse(null) : null;
            cells.add(new ComplianceCell(p.key(), p.label(), status.name(), status.label(), meetings, invited, attended,
                    invited == 0 ? null : (int) (100L * attended / invited), late, reason, p.lastDay()));
        }
        return new ComplianceRequirementRow(r.name(), r.kind().name(), r.label(), r.rule(), r.period().frequency(),
                r.local(), cells);
    }

    private static List<ComplianceRequirementRow> of(List<ComplianceRequirementRow> rows, PeriodType type) {
        return rows.stream().filter(r -> Requirement.valueOf(r.requirement()).period() == type).toList();
    }

    /** Why something the organization might expect to see is not asked of it, in Chinese. */
    private List<String> notes(Organization org, OrgProfile profile) {
        List<String> notes = new ArrayList<>();
        notes.add("按召开日期统计：会议在召开之日所在的月、季度、年度计入，补录的会议同样按召开日期计入，并标注“补录”；"
                + "一次会议兼具多种类型的（如以支部党员大会形式召开组织生活会），每种类型各计一次。");
        notes.add("新成立或撤销的组织：某一期间须在其最后一天仍然存在、且存在满" + Proration.MIN_DAYS
                + "天，才对该期间作要求（如20日成立的党支部，当月不作要求，从次月起计算）。");
        if (profile.cls() == ComplianceClass.BRANCH && profile.committeeFrom() == null) {
            notes.add("本支部未设支委会（现任班子不足" + OrgProfile.COMMITTEE_MIN_SEATS
                    + "人，正式党员不足7人的支部只设书记、副书记），不要求召开支委会（B7）。");
        }
        if (profile.cls() == ComplianceClass.BRANCH && !settings.lectureQuarterly()) {
            notes.add("本地未要求党支部每季度上党课（B9 地方规定已关闭）；全国性要求为党委书记每年至少讲一次党课。");
        } else if (profile.cls() == ComplianceClass.BRANCH) {
            notes.add("党支部每季度上一次党课为地方规定（B9，可由 zhibu.life.compliance.lecture-quarterly 关闭）。");
        }
        if (profile.cls() == ComplianceClass.NONE) {
            notes.add(org.typeLabel() + "本身不单独考核会议，由其所属党支部分别考核。");
        }
        notes.add("谈心谈话（B11）按谈心谈话记录的覆盖情况考核，不在本表统计。");
        return notes;
    }

    /** The facts of some organizations for some years, read in one go. */
    private Facts facts(List<Long> ids, List<Integer> years) {
        Map<Long, StoredProfile> profiles = records.profiles(ids);
        for (Long id : ids) {
            if (!profiles.containsKey(id)) {
                records.fromOrganization(id).ifPresent(p -> profiles.put(id, p));
            }
        }
        return new Facts(profiles, records.held(ids, years), exemptions.rows(ids, years));
    }

    private record Facts(Map<Long, StoredProfile> profiles, Map<Long, List<HeldMonth>> held,
                         Map<Long, List<ExemptionRecords.Row>> exemptionRows) {

        StoredProfile profile(long orgId) {
            return profiles.get(orgId);
        }

        List<HeldMonth> held(long orgId) {
            return held.getOrDefault(orgId, List.of());
        }

        List<ExemptionRecords.Row> exemptions(long orgId) {
            return exemptionRows.getOrDefault(orgId, List.of());
        }

        List<Exempted> rules(long orgId) {
            return exemptions(orgId).stream().map(ExemptionRecords.Row::rule).toList();
        }
    }
}
