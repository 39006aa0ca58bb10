package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionReminder;
import cn.zhibu.admission.AdmissionService;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * 发展党员 in the inbox: the steps due within a month or overdue (D3, D4, D10, D12, D13 …) and the 预审 waiting on the
 * higher committee (D8). The branch acts on its steps; a committee above it on 预审, 审批 and 转正审批.
 */
@Component
class AdmissionInboxItems implements InboxSource {

    /** Deadlines this close are shown: a month ahead, as the to-do page does. */
    static final int HORIZON_DAYS = 30;
    private static final String KIND = "发展党员";

    private final AdmissionService admission;

    AdmissionInboxItems(AdmissionService admission) {
        this.admission = admission;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        if (!query.managing()) {
            return List.of();
        }
        List<AdmissionReminder> due = new ArrayList<>(admission.reminders(query.scope(), query.subtree(), query.today(),
                HORIZON_DAYS, query.limit()));
        due.addAll(admission.awaitingPreReview(query.scope(), query.subtree(), query.limit()));
        return due.stream().filter(r -> r.callerActs() || !query.mineOnly())
                .map(r -> item(r, query)).sorted(InboxItem.URGENCY).limit(query.limit()).toList();
    }

    private static InboxItem item(AdmissionReminder r, InboxQuery query) {
        return InboxItem.of(KIND, r.step().title(), r.name())
                .detail(r.rule() + (r.callerActs() ? "" : "（由" + r.actor().label() + "办理）"))
                .at(r.orgId(), r.orgName(), r.orgPath()).due(r.due(), query.today()).rule(r.rule())
                .link("/admission/cases/" + r.caseId()).mine(r.callerActs()).build();
    }
}
