package cn.zhibu.life.internal;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.life.Meeting;
import cn.zhibu.platform.Notifications;
import cn.zhibu.platform.Notifications.Mail;
import cn.zhibu.platform.PublicAddress;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The e-mails of meetings: an invitation to each member invited (at scheduling, and to those an edit adds), a notice
 * of changed time or place, and of a cancellation. Sent to the members whose account has an address, after the
 * transaction commits, when SMTP is configured ({@link Notifications}); the inbox shows the same to everyone.
 */
@Component
public class MeetingMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm");

    private final Notifications notifications;
    private final UserAccounts accounts;
    private final PublicAddress address;

    MeetingMails(Notifications notifications, UserAccounts accounts, PublicAddress address) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.address = address;
    }

    public void invite(Meeting m, Collection<Long> memberIds) {
        send(m, memberIds, "会议通知：" + m.title(), "您被列为以下会议的参加人员，请确认参加或请假：");
    }

    public void changed(Meeting m, Collection<Long> memberIds) {
        send(m, memberIds, "会议变更：" + m.title(), "以下会议的时间或地点有变更，请按新的安排参加：");
    }

    public void cancelled(Meeting m, Collection<Long> memberIds) {
        send(m, memberIds, "会议取消：" + m.title(), "以下会议已取消（原因：" + m.cancelledReason() + "）：");
    }

    private void send(Meeting m, Collection<Long> memberIds, String subject, String lead) {
        if (!notifications.mailEnabled() || memberIds.isEmpty()) {
            return;
        }
        // inflow members (negative ids) have no account here
        Map<Long, String> emails = accounts.emailsOfMembers(memberIds.stream().filter(id -> id > 0).toList());
        String text = text(m, lead);
        List<Mail> mails = emails.values().stream().distinct().map(to -> new Mail(to, subject, text)).toList();
        notifications.email(mails);
    }

    private String text(Meeting m, String lead) {
        StringBuilder t = new StringBuilder(lead).append("\n\n");
        t.append("会议：").append(m.title()).append('\n');
        t.append("类型：").append(m.kindLabels()).append('\n');
        t.append("召开组织：").append(m.orgName()).append('\n');
        t.append("时间：").append(WHEN.format(m.startsAt())).append(" 至 ")
                .append(m.startsAt().toLocalDate().equals(m.endsAt().toLocalDate()) ? UNTIL.format(m.endsAt())
                        : WHEN.format(m.endsAt())).append('\n');
        if (m.place() != null) {
            t.append("地点：").append(m.place()).append('\n');
        }
        if (m.onlineLink() != null) {
            t.append("线上参会：").append(m.onlineLink()).append('\n');
        }
        if (m.speakerName() != null) {
            t.append("党课主讲：").append(m.speakerName()).append('\n');
        }
        if (m.agenda() != null) {
            t.append("议程：\n").append(m.agenda()).append('\n');
        }
        t.append("\n详情：").append(link(m)).append('\n');
        t.append("\n（本邮件由支部智慧党建平台发送，请勿回复。）\n");
        return t.toString();
    }

    private String link(Meeting m) {
        String path = "/life/meetings/" + m.id();
        try {
            return address.base() + path;
        } catch (ServiceNotConfiguredException e) {
            return "登录平台后在“组织生活”中查看（" + path + "）";
        }
    }
}
