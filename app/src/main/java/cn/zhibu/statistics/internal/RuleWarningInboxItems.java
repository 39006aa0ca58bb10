package cn.zhibu.statistics.internal;

import cn.zhibu.organization.RuleWarning;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import cn.zhibu.statistics.OrgCheck;
import cn.zhibu.statistics.StatisticsService;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule warnings (B1, B3, B4, B5) in the inbox, from the to-do list: an organization that breaks a rule is its own
 * 书记's and 组织管理员's to put right (需我办理); a committee above watches. Breaking a rule ("应当") counts as overdue,
 * a guideline ("一般") does not.
 */
@Component
class RuleWarningInboxItems implements InboxSource {

    private static final String KIND = "规则提醒";

    private final StatisticsService statistics;

    RuleWarningInboxItems(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        if (!query.managing()) {
            return List.of();
        }
        // an organization breaking rules usually breaks two or three: a third of the limit in organizations fills it
        List<OrgCheck> checks = query.mineOnly() ? ownOrganizations(query) : statistics.todo(query.scope(), query.orgId(),
                Math.max(1, query.limit() / 3));
        List<InboxItem> items = new ArrayList<>();
        for (OrgCheck check : checks) {
            String path = check.organization().path().value();
            for (RuleWarning w : check.warnings()) {
                items.add(InboxItem.of(KIND, w.message(), check.organization().name())
                        .detail(w.isViolation() ? "违反规定，应予纠正" : "请关注")
                        .at(check.organization().id(), check.organization().name(), path)
                        .due(query.today(), query.today()).overdue(w.isViolation()).rule(w.ruleId())
                        .link("/orgs/" + check.organization().id()).mine(query.holdsRoleAt(path)).build());
            }
        }
        return items.stream().sorted(InboxItem.URGENCY).limit(query.limit()).toList();
    }

    /** Only the organizations where the caller holds a role (walking a province for them would read 300,000). */
    private List<OrgCheck> ownOrganizations(InboxQuery query) {
        return query.scope().memberPaths().stream().filter(p -> query.subtree().contains(p)).map(TreePath::lastId)
                .map(id -> statistics.check(query.scope(), id)).filter(c -> !c.warnings().isEmpty()).toList();
    }
}
