package cn.zhibu.learning.exam.internal;

import cn.zhibu.learning.exam.ExamTaking;
import cn.zhibu.learning.exam.MyExam;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** A member's inbox: each open exam addressed to them that they have not passed, until its close. */
@Component
class ExamInboxItems implements InboxSource {

    private static final String KIND = "学习教育";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final ExamTaking taking;

    ExamInboxItems(ExamTaking taking) {
        this.taking = taking;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        if (query.managing()) {
            return List.of();
        }
        return taking.openNotPassed(query.scope(), query.limit()).stream().map(m -> item(m, query.today())).toList();
    }

    private InboxItem item(MyExam m, java.time.LocalDate today) {
        String left = m.exam().maxAttempts() - m.attemptsUsed() > 0 ? "，还可作答" + (m.exam().maxAttempts() - m.attemptsUsed()) + "次"
                : "";
        return InboxItem.of(KIND, "参加考试：" + m.exam().title(), m.exam().orgName())
                .detail("考试截止于" + TIME.format(m.exam().closesAt()) + "，限时" + m.exam().timeLimitMinutes() + "分钟" + left)
                .at(m.exam().orgId(), m.exam().orgName(), m.exam().orgPath())
                .due(m.exam().closesAt().atZone(PlatformClock.ZONE).toLocalDate(),
                        today)
                .link("/learning/exams/mine/" + m.exam().id()).mine(true).build();
    }
}
