package cn.zhibu.dues.internal;

import cn.zhibu.dues.ArrearsCounts;
import cn.zhibu.dues.ArrearsRun;
import cn.zhibu.dues.ArrearsStage;
import cn.zhibu.dues.DuesArrears;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * 党费 in the inbox (F8), from an index and the roll-up only. A member sees what they owe, with a link to pay; a
 * branch's secretary sees how many of the branch's members are 3, 5 and 6 or more months behind; a committee (an
 * organization with subordinates) sees its subtree's count at 6 months or more — the branches remind and urge, the
 * committee approves a 除名.
 */
@Component
class DuesInboxItems implements InboxSource {

    private static final String KIND = "党费";

    private final DuesReadRecords records;
    private final DuesArrears arrears;
    private final OrganizationService organizations;

    DuesInboxItems(DuesReadRecords records, DuesArrears arrears, OrganizationService organizations) {
        this.records = records;
        this.arrears = arrears;
        this.organizations = organizations;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        return query.managing() ? managing(query) : own(query);
    }

    private List<InboxItem> own(InboxQuery query) {
        Long memberId = query.scope().selfMemberId();
        if (memberId == null) {
            return List.of();
        }
        DuesReadRecords.Owed owed = records.owed(memberId);
        if (owed.months() == 0) {
            return List.of();
        }
        ArrearsRun run = arrears.run(memberId);
        InboxItem.Builder item = InboxItem.of(KIND, "待交党费" + owed.months() + "个月，共" + owed.amount().toPlainString()
                        + "元", "本人")
                .detail(run.stage() == ArrearsStage.NONE ? "可在线交纳，或交给支部登记" : run.explanation())
                .due(YearMonth.from(query.today()).atEndOfMonth(), query.today())
                .link("/dues/mine").mine(true);
        if (run.stage() != ArrearsStage.NONE) {
            item.rule("F8").overdue(true);
        }
        return List.of(item.build());
    }

    private List<InboxItem> managing(InboxQuery query) {
        Organization org = organizations.describe(query.orgId());
        boolean mine = query.holdsRoleAt(org.path().value());
        if (query.mineOnly() && !mine) {
            return List.of();
        }
        ArrearsCounts c = arrears.counts(List.of(org.id())).get(org.id());
        List<InboxItem> items = new ArrayList<>();
        String link = "/dues/arrears?org=" + org.id() + "&min=";
        if (c.removal() > 0) {
            items.add(item(org, c.removal() + "名党员连续" + c.removalMonths() + "个月以上未交纳党费",
                    "连续6个月不交纳党费，可按第三十一条处置：无正当理由的按自行脱党处理，支部大会讨论除名、报上级党组织批准",
                    link + c.removalMonths(), mine, true));
        }
        if (!org.hasChildren()) {
            long urge = c.urge() - c.removal();
            long remind = c.remind() - c.urge();
            if (urge > 0) {
                items.add(item(org, urge + "名党员连续" + c.urgeMonths() + "个月未交纳党费", "请督促交纳，并了解是否有正当理由",
                        link + c.urgeMonths(), mine, true));
            }
            if (remind > 0) {
                items.add(item(org, remind + "名党员连续" + c.remindMonths() + "个月以上未交纳党费", "请提醒按月交纳",
                        link + c.remindMonths(), mine, false));
            }
        }
        return items.size() > query.limit() ? items.subList(0, query.limit()) : items;
    }

    private static InboxItem item(Organization org, String title, String detail, String link, boolean mine,
                                  boolean overdue) {
        return InboxItem.of(KIND, title, org.name()).detail(detail).at(org.id(), org.name(), org.path().value())
                .overdue(overdue).rule("F8").link(link).mine(mine).build();
    }
}
