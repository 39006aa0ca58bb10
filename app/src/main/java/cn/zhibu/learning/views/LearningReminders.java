package cn.zhibu.learning.views;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.learning.views.LearningViews.Behind;
import cn.zhibu.learning.views.internal.LearningReadRecords.BehindRow;
import cn.zhibu.learning.views.internal.ReminderRows;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Notifications;
import cn.zhibu.platform.PublicAddress;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secretary reminds members behind (one, or all of the subtree's): each reminder goes to the member's inbox (and by
 * e-mail when SMTP is configured), one a day per member and subject — a required course overdue, or the year's 学时 —
 * so a second click the same day sends nothing again. Audited, one entry per click. Only a manager of the members'
 * organization (their own secretary, or a committee above) may remind them; anyone else gets 404.
 */
@Service
public class LearningReminders {

    private static final int AUDIT_NAMES = 50;

    private final LearningViews views;
    private final ReminderRows rows;
    private final OrganizationService organizations;
    private final LearningViewsSettings settings;
    private final AuditLog audit;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final PublicAddress address;

    LearningReminders(LearningViews views, ReminderRows rows, OrganizationService organizations,
                      LearningViewsSettings settings, AuditLog audit, Notifications notifications,
                      UserAccounts accounts, PublicAddress address) {
        this.views = views;
        this.rows = rows;
        this.organizations = organizations;
        this.settings = settings;
        this.audit = audit;
        this.notifications = notifications;
        this.accounts = accounts;
        this.address = address;
    }

    /**
     * Reminds the members of the organization's subtree who are behind, or only {@code memberId} among them (404 when
     * that member is not behind in this subtree or not in it at all).
     */
    @Transactional
    public LearningReminderResult remind(DataScope scope, long orgId, Long memberId) {
        Organization org = organizations.getManaged(scope, orgId);
        LocalDate today = views.today();
        List<LearningBehindMember> behind = new ArrayList<>();
        Map<Long, String> paths = new java.util.HashMap<>();
        String afterPath = null;
        Long afterId = null;
        while (behind.size() < settings.maxReminders()) {
            Behind page = views.behind(org.path(), today, afterPath, afterId, LearningViews.PAGE);
            List<BehindRow> chosen = memberId == null ? page.rows()
                    : page.rows().stream().filter(r -> r.memberId() == memberId).toList();
            behind.addAll(views.named(scope, new Behind(chosen, page.courses(), page.t1()), today));
            chosen.forEach(r -> paths.put(r.memberId(), r.orgPath()));
            if (page.rows().size() < LearningViews.PAGE || (memberId != null && !chosen.isEmpty())) {
                break;
            }
            BehindRow last = page.rows().get(page.rows().size() - 1);
            afterPath = last.orgPath();
            afterId = last.memberId();
        }
        if (memberId != null && behind.isEmpty()) {
            throw new NotFoundException("该党员不在您管理的组织中，或学习进度并未落后");
        }
        Map<Long, List<String>> sentTo = new LinkedHashMap<>();
        int already = 0;
        for (LearningBehindMember m : behind) {
            List<String> sent = remind(scope, m, paths.get(m.memberId()), today);
            if (sent.isEmpty()) {
                already++;
            } else {
                sentTo.put(m.memberId(), sent);
            }
        }
        mail(sentTo);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("org", org.name());
        after.put("reminded", sentTo.size());
        after.put("alreadyToday", already);
        after.put("names", behind.stream().filter(m -> sentTo.containsKey(m.memberId())).limit(AUDIT_NAMES)
                .map(LearningBehindMember::name).toList());
        audit.record(scope, LearningViewsAuditAction.MEMBERS_REMINDED, "learning_reminder",
                memberId == null ? orgId : memberId, org.path().value(), null, after);
        return new LearningReminderResult(sentTo.size(), already);
    }

    /** The messages recorded for one member today (none when each subject was already reminded today). */
    private List<String> remind(DataScope scope, LearningBehindMember m, String orgPath, LocalDate today) {
        List<String> sent = new ArrayList<>();
        for (LearningDueCourse c : m.overdue()) {
            String message = "请尽快完成必修课《" + c.title() + "》（应于" + c.dueOn() + "前完成）";
            if (rows.insert(m.memberId(), "COURSE:" + c.courseId(), today, orgPath, message, c.link(),
                    scope.actorName())) {
                sent.add(message);
            }
        }
        if (m.hoursBehind()) {
            String message = "本年度学时" + m.hours().hours().stripTrailingZeros().toPlainString() + "，距年度目标"
                    + m.hours().target().stripTrailingZeros().toPlainString() + "学时还差"
                    + m.hours().left().stripTrailingZeros().toPlainString() + "学时，请抓紧学习";
            if (rows.insert(m.memberId(), "HOURS:" + m.hours().year(), today, orgPath, message, "/learning",
                    scope.actorName())) {
                sent.add(message);
            }
        }
        return sent;
    }

    private void mail(Map<Long, List<String>> sentTo) {
        if (!notifications.mailEnabled() || sentTo.isEmpty()) {
            return;
        }
        String link;
        try {
            link = "\n\n详情：" + address.base() + "/learning";
        } catch (ServiceNotConfiguredException e) {
            link = "";
        }
        String details = link;
        Map<Long, String> emails = accounts.emailsOfMembers(sentTo.keySet());
        List<Notifications.Mail> mails = new ArrayList<>();
        emails.forEach((id, to) -> mails.add(new Notifications.Mail(to, "学习提醒",
                "支部提醒您：\n\n" + String.join("\n", sentTo.get(id)) + details + "\n")));
        notifications.email(mails);
    }
}
