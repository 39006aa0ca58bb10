package cn.zhibu.member.internal;

import cn.zhibu.member.FloatingService;
import cn.zhibu.member.MemberReminder;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.Transfer;
import cn.zhibu.member.TransferService;
import cn.zhibu.member.TransferStep;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The member registry in the inbox, from the module's existing reminders: probation over (D11), lost contact and
 * suspension (R5), 限期改正 deadlines (R6), 流动党员 contact and transfer (R1–R3), letters about to expire (R4), and the
 * transfers whose awaited step is the caller's (接收, 审批, 回执). A registry deadline is the work of the organization
 * holding the member; a role above it watches.
 */
@Component
class MemberInboxItems implements InboxSource {

    private final MembershipService membership;
    private final FloatingService floating;
    private final TransferService transfers;

    MemberInboxItems(MembershipService membership, FloatingService floating, TransferService transfers) {
        this.membership = membership;
        this.floating = floating;
        this.transfers = transfers;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        if (!query.managing()) {
            return List.of();
        }
        List<InboxItem> items = new ArrayList<>();
        for (Transfer t : transfers.awaitingMe(query.scope(), query.subtree(), query.limit())) {
            boolean sendingSide = t.awaiting() == TransferStep.SENDING_COMMITTEE || t.awaiting() == TransferStep.RECEIPT;
            items.add(InboxItem.of("组织关系转接", "待您" + t.awaiting().label() + "：" + t.letterNo(), t.memberName())
                    .detail(t.fromOrgName() + " → " + t.toOrgName() + "，介绍信有效期至" + t.validUntil())
                    .at(sendingSide ? t.fromOrgId() : t.toOrgId(), sendingSide ? t.fromOrgName() : t.toOrgName(),
                            transfers.awaitedAt(t))
                    .due(t.validUntil(), query.today()).rule("R1").link("/transfers/" + t.id()).mine(true).build());
        }
        List<MemberReminder> due = new ArrayList<>(membership.reminders(query.scope(), query.orgId(), query.limit()));
        due.addAll(floating.reminders(query.scope(), query.orgId()));
        due.addAll(transfers.reminders(query.scope(), query.orgId(), query.limit()));
        for (MemberReminder r : due) {
            boolean mine = query.holdsRoleAt(r.orgPath());
            if (mine || !query.mineOnly()) {
                items.add(item(r, query, mine));
            }
        }
        return items.stream().sorted(InboxItem.URGENCY).limit(query.limit()).toList();
    }

    private static InboxItem item(MemberReminder r, InboxQuery query, boolean mine) {
        return InboxItem.of(kind(r.rule()), title(r), r.name()).detail(r.message())
                .at(r.orgId(), r.orgName(), r.orgPath()).due(r.dueOn(), query.today()).rule(r.rule())
                .link(link(r)).mine(mine).build();
    }

    private static String kind(String rule) {
        return switch (rule) {
            case "R1", "R2", "R3" -> "流动党员";
            case "R4" -> "组织关系转接";
            default -> "党员管理";
        };
    }

    private static String title(MemberReminder r) {
        return switch (r.rule()) {
            case "D11" -> "预备期满，讨论转正";
            case "R5" -> r.archived() ? "停止党籍满2年，按自行脱党除名" : "失联满6个月，停止党籍";
            case "R6" -> "限期改正期满，作出处理";
            case "R1" -> "外出满6个月，转接组织关系";
            case "R2" -> "联系外出党员";
            case "R3" -> "发放流动党员活动证";
            case "R4" -> "转接介绍信即将到期";
            default -> r.message();
        };
    }

    private static String link(MemberReminder r) {
        return switch (r.rule()) {
            case "R1", "R2", "R3" -> "/floating?orgId=" + r.orgId();
            default -> r.archived() ? "/members/archived/" + r.memberId() : "/members/" + r.memberId();
        };
    }
}
