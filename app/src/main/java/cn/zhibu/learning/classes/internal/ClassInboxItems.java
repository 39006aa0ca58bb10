package cn.zhibu.learning.classes.internal;

import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.util.List;

/** A session today of a class the member is enrolled in: a reminder to come and to check in and out. */
@Component
class ClassInboxItems implements InboxSource {

    private static final String KIND = "培训班";

    private final ClassService classes;

    ClassInboxItems(ClassService classes) {
        this.classes = classes;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        if (query.managing()) {
            return List.of();
        }
        return classes.sessionsToday(query.scope()).stream().limit(query.limit()).map(s -> {
            TrainingClass c = classes.classOf(s);
            return InboxItem.of(KIND, "今日培训：" + c.title(), s.title())
                    .detail(s.whenText() + (c.place() == null ? "" : "，" + c.place()) + "；请到场扫码签到，结束时签退")
                    .at(c.orgId(), c.orgName(), c.orgPath()).due(query.today(), query.today()).rule("T2")
                    .link("/learning/classes/mine/" + c.id()).mine(true).build();
        }).toList();
    }
}
