package cn.zhibu.learning.views.internal;

import cn.zhibu.learning.views.LearningInbox;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.util.List;

/** 学习教育 in the inbox: what {@link LearningInbox} finds for the caller, bounded by the query's limit. */
@Component
class LearningInboxItems implements InboxSource {

    private final LearningInbox inbox;

    LearningInboxItems(LearningInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        List<InboxItem> items = query.managing() ? inbox.managing(query) : inbox.own(query);
        return items.size() > query.limit() ? items.subList(0, query.limit()) : items;
    }
}
