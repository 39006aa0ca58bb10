package cn.zhibu.learning.views;

import cn.zhibu.learning.views.internal.LearningReadRecords;
import cn.zhibu.learning.views.internal.ReminderRows;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What learning asks of people, for the inbox (RULES.md T1). A member: the required courses due within
 * {@code dueSoonDays} or overdue, and in the last quarter of the year (or after a reminder) the 学时 still missing to
 * the target; a secretary of a branch (an organization without subordinates): how many of its members are behind.
 * A committee's inbox carries no count (the roll-up page shows its subtree).
 */
@Component
public class LearningInbox {

    private static final String KIND = "学习教育";
    private static final int LAST_QUARTER = 10;

    private final LearningViews views;
    private final LearningReadRecords records;
    private final ReminderRows reminders;
    private final MemberService members;
    private final OrganizationService organizations;
    private final LearningViewsSettings settings;

    LearningInbox(LearningViews views, LearningReadRecords records, ReminderRows reminders, MemberService members,
                  OrganizationService organizations, LearningViewsSettings settings) {
        this.views = views;
        this.records = records;
        this.reminders = reminders;
        this.members = members;
        this.organizations = organizations;
        this.settings = settings;
    }

    /** The member's own items, most urgent first. */
    public List<InboxItem> own(InboxQuery query) {
        Long memberId = query.scope().selfMemberId();
        if (memberId == null) {
            return List.of();
        }
        Member m = members.find(query.scope(), memberId).orElse(null);
        if (m == null) {
            return List.of(); // left the registry
        }
        var today = query.today();
        Set<String> reminded = reminders.since(memberId, today.minusDays(settings.reminderDays() - 1L), 50).stream()
                .map(LearningReminderNote::subject).collect(Collectors.toSet());
        List<InboxItem> items = new ArrayList<>();
        for (LearningDueCourse c : records.dueCourses(memberId, new TreePath(m.orgPath()), today, query.limit())) {
            boolean soon = c.dueOn() != null && !c.dueOn().isAfter(today.plusDays(settings.dueSoonDays()));
            boolean remindedOf = reminded.contains("COURSE:" + c.courseId());
            if (soon || remindedOf) {
                items.add(InboxItem.of(KIND, "必修课《" + c.title() + "》" + (c.overdue() ? "已逾期" : "待完成"), "本人")
                        .detail("已学" + c.percent() + "%，" + c.hours().stripTrailingZeros().toPlainString() + "学时"
                                + (remindedOf ? "；支部已提醒" : ""))
                        .due(c.dueOn(), today).rule("T1").link(c.link()).mine(true).build());
            }
        }
        int year = today.getYear();
        LearningHoursStanding hours = views.standing(records.year(memberId, year).orElse(null),
                records.memberTarget(year), year, today);
        boolean remindedOfHours = reminded.contains("HOURS:" + year);
        if (!hours.met() && (today.getMonthValue() >= LAST_QUARTER || remindedOfHours)) {
            items.add(InboxItem.of(KIND, "本年度学时还差" + hours.left().stripTrailingZeros().toPlainString() + "学时",
                            "本人")
                    .detail("已有" + hours.hours().stripTrailingZeros().toPlainString() + "学时，年度目标"
                            + hours.target().stripTrailingZeros().toPlainString() + "学时"
                            + (remindedOfHours ? "；支部已提醒" : ""))
                    .due(today.withDayOfYear(today.lengthOfYear()), today).rule("T1").link("/learning").mine(true)
                    .build());
        }
        items.sort(InboxItem.URGENCY);
        return items;
    }

    /** A branch's count of members behind, for its secretary (and watched from above). */
    public List<InboxItem> managing(InboxQuery query) {
        Organization org = organizations.describe(query.orgId());
        boolean mine = query.holdsRoleAt(org.path().value());
        if (org.hasChildren() || (query.mineOnly() && !mine)) {
            return List.of();
        }
        int behind = views.behind(org.path(), query.today(), null, null, settings.maxReminders()).rows().size();
        if (behind == 0) {
            return List.of();
        }
        return List.of(InboxItem.of(KIND, behind + "名党员学习进度落后", org.name())
                .detail("必修课逾期未完成，或本年度学时落后于进度；可在名单中一键提醒")
                .at(org.id(), org.name(), org.path().value()).rule("T1")
                .link("/learning/branch/" + org.id()).mine(mine).build());
    }
}
