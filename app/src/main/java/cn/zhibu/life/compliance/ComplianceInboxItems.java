package cn.zhibu.life.compliance;

import cn.zhibu.life.compliance.ComplianceYear.ComplianceStillDue;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 组织生活 in the inbox. A branch's secretary (and a 党小组's, through its branch) sees what must still be held before
 * the running month, quarter or year ends, from {@code zhibu.life.compliance.remind-days-before} days before its last
 * day, and what was missed in the period that ended last, as overdue. A committee above sees how many organizations of
 * its subtree are behind this month and last month, with a link to the list — one roll-up read, whatever the subtree.
 */
@Component
class ComplianceInboxItems implements InboxSource {

    private static final String KIND = "组织生活";

    private final OrganizationService organizations;
    private final OrganizationYears years;
    private final ComplianceViews views;
    private final ComplianceSettings settings;

    ComplianceInboxItems(OrganizationService organizations, OrganizationYears years, ComplianceViews views,
                         ComplianceSettings settings) {
        this.organizations = organizations;
        this.years = years;
        this.views = views;
        this.settings = settings;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        if (!query.managing()) {
            return List.of();
        }
        Organization org = organizations.getManaged(query.scope(), query.orgId());
        List<InboxItem> items = new ArrayList<>();
        if (org.type().holdsMembers()) {
            List<Organization> own = new ArrayList<>(List.of(org));
            if (org.type().isBranch()) {
                own.addAll(organizations.children(query.scope(), org.id(), false).stream()
                        .filter(c -> c.type() == OrganizationType.GROUP).toList());
            }
            owed(query, org, own, items);
        } else {
            if (org.type().isCommittee()) {
                owed(query, org, List.of(org), items); // the 党委书记's yearly 党课 (B9)
            }
            if (!query.mineOnly()) {
                behind(query, org, items);
            }
        }
        return items.stream().sorted(InboxItem.URGENCY).limit(query.limit()).toList();
    }

    /** The organizations' own open and missed requirements; a 党小组's fall to its branch's managers. */
    private void owed(InboxQuery query, Organization responsible, List<Organization> orgs, List<InboxItem> items) {
        boolean mine = query.holdsRoleAt(responsible.path().value());
        if (query.mineOnly() && !mine) {
            return;
        }
        Map<Long, String> paths = new HashMap<>();
        orgs.forEach(o -> paths.put(o.id(), o.path().value()));
        OrganizationYears.Reminders reminders = years.reminders(orgs, query.today());
        for (ComplianceStillDue d : reminders.open()) {
            if (d.daysLeft() <= settings.remindDaysBefore()) {
                items.add(item(d, "尚未", paths.get(d.orgId()), query, mine));
            }
        }
        for (ComplianceStillDue d : reminders.missed()) {
            items.add(item(d, "未", paths.get(d.orgId()), query, mine));
        }
    }

    private InboxItem item(ComplianceStillDue d, String verb, String path, InboxQuery query, boolean mine) {
        return InboxItem.of(KIND, title(Requirement.valueOf(d.requirement()), d.periodLabel(), verb), d.orgName())
                .detail(Requirement.valueOf(d.requirement()).period().frequency() + "应开展，以召开日期计")
                .at(d.orgId(), d.orgName(), path).due(d.dueOn(), query.today()).rule(d.rule())
                .link("/life/compliance?org=" + d.orgId()).mine(mine).build();
    }

    /** "本季度尚未召开支部党员大会", "上月未开展主题党日", "本年度党委书记尚未讲党课". */
    static String title(Requirement r, String period, String verb) {
        return switch (r) {
            case THEME_DAY, APPRAISAL -> period + verb + "开展" + r.label();
            case BRANCH_LECTURE -> period + verb + "上党课";
            case SECRETARY_LECTURE -> period + "党委书记" + verb + "讲党课";
            default -> period + verb + "召开" + r.label();
        };
    }

    /** How many organizations of the subtree are behind this month (close to its end) and last month. */
    private void behind(InboxQuery query, Organization org, List<InboxItem> items) {
        Selection all = Selection.of(null, settings.lectureQuarterly());
        YearMonth now = YearMonth.from(query.today());
        for (YearMonth month : List.of(now.minusMonths(1), now)) {
            boolean running = month.equals(now);
            if (running && ChronoUnit.DAYS.between(query.today(), month.atEndOfMonth())
                    > settings.remindDaysBefore()) {
                continue;
            }
            ComplianceViews.MonthCount count = views.count(org.id(), month, all);
            long behind = count.due() - count.met();
            if (behind <= 0) {
                continue;
            }
            String when = running ? "本月" : "上月";
            items.add(InboxItem.of(KIND, when + "有" + behind + "个组织" + (running ? "尚未" : "未")
                                    + "按要求开展组织生活", org.name())
                    .detail("共" + count.due() + "个组织有" + when + "到期的要求；名单按组织顺序排列，不作排名")
                    .at(org.id(), org.name(), org.path().value())
                    .due(month.atEndOfMonth(), query.today())
                    .link("/life/compliance/behind?org=" + org.id() + "&month=" + month).mine(false).build());
        }
    }
}
