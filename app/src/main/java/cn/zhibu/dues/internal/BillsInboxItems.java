package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesBills;
import cn.zhibu.dues.DuesRelief;
import cn.zhibu.dues.ReliefService;
import cn.zhibu.dues.ReliefStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.RollMember;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What bases and bills ask of those who manage members: the month's bills not yet made for their organization,
 * members who owe the month without a base (未核定党费基数), new 预备党员 whose base is awaited (F5), and — for the
 * next-higher committee — reliefs waiting for approval (F4). The counts read one branch at a time (a branch is
 * small); the province's inbox asks only whether its own run exists.
 */
@Component
class BillsInboxItems implements InboxSource {

    private static final String KIND = "党费";
    private static final int UNBASED_LIMIT = 1000;

    private final DuesBills bills;
    private final ReliefService reliefs;
    private final DuesStartRows starts;
    private final OrganizationService organizations;
    private final MembershipService membership;

    BillsInboxItems(DuesBills bills, ReliefService reliefs, DuesStartRows starts, OrganizationService organizations,
                    MembershipService membership) {
        this.bills = bills;
        this.reliefs = reliefs;
        this.starts = starts;
        this.organizations = organizations;
        this.membership = membership;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        if (!query.managing() || query.orgId() == null) {
            return List.of();
        }
        Organization org = organizations.getManaged(query.scope(), query.orgId());
        YearMonth month = YearMonth.from(query.today());
        List<InboxItem> items = new ArrayList<>();
        boolean mineHere = query.holdsRoleAt(org.path().value());
        if (!query.mineOnly() || mineHere) {
            if (!bills.covered(org.path(), month)) {
                items.add(InboxItem.of(KIND, "本月党费账单尚未生成", org.name())
                        .detail(month + "的党费账单尚未生成，生成后党员才能查看和交纳本月党费")
                        .at(org.id(), org.name(), org.path().value()).due(month.atDay(10), query.today()).rule("F5")
                        .link("/dues/bills?org=" + org.id() + "&month=" + month).mine(mineHere).build());
            }
            if (!org.hasChildren()) {
                long unbased = bills.unbasedCount(org.path(), month, UNBASED_LIMIT);
                if (unbased > 0) {
                    items.add(InboxItem.of(KIND, (unbased >= UNBASED_LIMIT ? "至少" : "") + unbased + "名党员未核定党费基数",
                                    org.name())
                            .detail("未核定基数的党员不生成账单，请按工资收入等情况核定（中组发〔2008〕3号 第一至六条）")
                            .at(org.id(), org.name(), org.path().value()).from(month.atDay(1)).rule("F1")
                            .link("/dues/bases?org=" + org.id() + "&unbased=true").mine(mineHere).build());
                }
            }
        }
        int room = query.limit() - items.size();
        if (room > 0) {
            List<DuesStartRows.Waiting> admitted = starts.admittedWithoutBase(org.path().value(),
                    org.path().upperBound(), room);
            Map<Long, String> names = names(query, admitted.stream().map(DuesStartRows.Waiting::memberId).toList());
            for (DuesStartRows.Waiting w : admitted) {
                boolean mine = query.holdsRoleAt(w.orgPath());
                if (!query.mineOnly() || mine) {
                    items.add(InboxItem.of(KIND, "为新预备党员核定党费基数", names.getOrDefault(w.memberId(), "新预备党员"))
                            .detail("预备党员自" + w.firstMonth() + "起交纳党费，请核定其党费基数")
                            .at(org.id(), org.name(), w.orgPath()).from(w.firstMonth().atDay(1)).rule("F5")
                            .link("/dues/members/" + w.memberId() + "/bases").mine(mine).build());
                }
            }
        }
        room = query.limit() - items.size();
        if (room > 0) {
            List<DuesRelief> waiting = reliefs.within(query.scope(), org.path(), ReliefStatus.PROPOSED, room).stream()
                    .filter(r -> reliefs.approves(query.scope(), r)).toList();
            Map<Long, String> names = names(query, waiting.stream().map(DuesRelief::memberId).toList());
            for (DuesRelief r : waiting) {
                items.add(InboxItem.of(KIND, "党费减免待批准", names.getOrDefault(r.memberId(), "党员"))
                        .detail(r.fromMonth() + "至" + r.toMonth() + (r.waived() ? "免交" : "每月交纳" + r.amount() + "元")
                                + "：" + r.reason())
                        .at(r.orgId(), null, r.orgPath()).from(r.decidedOn()).rule("F4")
                        .link("/dues/reliefs/" + r.id()).mine(true).build());
            }
        }
        items.sort(InboxItem.URGENCY);
        return items.size() > query.limit() ? items.subList(0, query.limit()) : items;
    }

    private Map<Long, String> names(InboxQuery query, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return membership.roll(query.scope(), ids, query.today()).stream()
                .collect(Collectors.toMap(RollMember::id, RollMember::name, (a, b) -> a));
    }
}
