package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingHeading;
import cn.zhibu.life.RecordService;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Records saved but not yet confirmed, in the secretary's inbox (a higher committee watches them): the record stays a
 * draft, unread by the members, until it is confirmed. The oldest first, from the partial index of such meetings.
 */
@Component
class RecordInboxItems implements InboxSource {

    private static final String KIND = "组织生活";

    private final RecordService records;

    RecordInboxItems(RecordService records) {
        this.records = records;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        if (!query.managing()) {
            return List.of();
        }
        return records.unconfirmed(query.scope(), query.subtree(), query.limit()).stream()
                .filter(m -> !query.mineOnly() || query.holdsRoleAt(m.orgPath()))
                .map(m -> item(m, query)).toList();
    }

    private static InboxItem item(MeetingHeading m, InboxQuery query) {
        return InboxItem.of(KIND, "会议记录待确认：" + m.title(), m.orgName())
                .detail(m.heldOn() + "召开（" + m.kindLabels() + "）" + (m.late() ? "，补录" : "")
                        + "；确认后党员可查阅，记录锁定")
                .at(m.orgId(), m.orgName(), m.orgPath()).from(m.heldOn())
                .link("/life/meetings/" + m.id() + "/record").mine(query.holdsRoleAt(m.orgPath())).build();
    }
}
