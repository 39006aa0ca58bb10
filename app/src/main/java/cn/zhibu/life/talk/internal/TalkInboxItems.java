package cn.zhibu.life.talk.internal;

import cn.zhibu.life.talk.TalkCoverage;
import cn.zhibu.life.talk.TalkCoverageReader;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * 谈心谈话 in the inbox of those who manage a branch, from the month {@code zhibu.life.appraisal.talk-reminder-month}
 * (default 10: the year's last quarter) to the end of the year: the pairings of B11 not yet covered this year, and how
 * many members have had no talk. Only when the organization viewed is a branch: a committee's inbox does not compute
 * the coverage of every branch below it.
 */
@Component
class TalkInboxItems implements InboxSource {

    private final TalkCoverageReader coverage;
    private final OrganizationService organizations;
    private final int fromMonth;

    TalkInboxItems(TalkCoverageReader coverage, OrganizationService organizations,
                   @Value("${zhibu.life.appraisal.talk-reminder-month:10}") int fromMonth) {
        this.coverage = coverage;
        this.organizations = organizations;
        this.fromMonth = fromMonth;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        LocalDate today = query.today();
        if (!query.managing() || query.orgId() == null || today.getMonthValue() < fromMonth) {
            return List.of();
        }
        Organization org = organizations.describe(query.orgId());
        boolean mine = query.holdsRoleAt(org.path().value());
        if (!org.type().isBranch() || !org.active() || (query.mineOnly() && !mine)) {
            return List.of();
        }
        TalkCoverage c = coverage.of(org, today.getYear());
        if (c.complete() && c.membersWithoutTalk() == 0) {
            return List.of();
        }
        String detail = (c.complete() ? "应谈的类型均已覆盖" : "尚未覆盖：" + c.missingLabel())
                + (c.membersWithoutTalk() == 0 ? "" : "；本年度尚无谈话记录的党员" + c.membersWithoutTalk() + "名");
        return List.of(InboxItem.of("谈心谈话", today.getYear() + "年度谈心谈话尚未全覆盖", org.name()).detail(detail)
                .at(org.id(), org.name(), org.path().value()).due(LocalDate.of(today.getYear(), 12, 31), today)
                .rule("B11").link("/life/talks?orgId=" + org.id() + "&year=" + today.getYear()).mine(mine).build());
    }
}
