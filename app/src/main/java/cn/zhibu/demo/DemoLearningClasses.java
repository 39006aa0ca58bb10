package cn.zhibu.demo;

import cn.zhibu.learning.classes.ClassDraft;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.SessionDraft;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.learning.points.PointsService;
import cn.zhibu.member.Member;
import cn.zhibu.platform.DataScope;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * 培训班 and points of the demo, in the demo secretary's branch: a concentrated class a month ago (three sessions, 20
 * 学时) that the secretary and the demo member completed — credited in full, concentrated, with the task points of a
 * completed class — and that another member did not (absent from the half-day session: 4 of 20 hours missed, more than
 * 1/7); a class running now with a session today for the demo member (their inbox's reminder, the room screen's code);
 * and a few of the secretary's deductions and rewards, each with its reason.
 */
final class DemoLearningClasses {

    /** The classes and points parts' services the demo writes through. */
    @Component
    record Services(ClassService classes, PointsService points) {
    }

    private static final String BY_HAND = "演示数据：现场签到表登记";

    private final Services services;
    private final DataScope scope;
    private final LocalDate today;

    DemoLearningClasses(Services services, DataScope scope, LocalDate today) {
        this.services = services;
        this.scope = scope;
        this.today = today;
    }

    void load(PlacedOrg root) {
        PlacedOrg branch = root.find(DemoAccounts.SECRETARY_BRANCH);
        Member secretary = branch.member(DemoAccounts.SECRETARY_NAME);
        Member member = branch.member(DemoAccounts.MEMBER_NAME);
        List<Member> others = branch.members().stream().filter(m -> m.id() != secretary.id() && m.id() != member.id())
                .toList();
        Member absent = others.get(others.size() - 1);
        completedClass(branch, secretary, member, absent);
        runningClass(branch, secretary, member);
        services.points().reward(scope, secretary.id(), 3, "带领支部党员参加社区志愿服务，表现突出");
        services.points().reward(scope, member.id(), 2, "在市直机关党史知识竞赛中获三等奖");
        services.points().deduct(scope, absent.id(), 2, "无故缺席集中轮训班第二讲，经提醒仍未补学");
    }

    private void completedClass(PlacedOrg branch, Member secretary, Member member, Member absent) {
        LocalDate first = today.minusDays(30);
        TrainingClass c = services.classes().open(scope, new ClassDraft(branch.org().id(), "党支部书记和党员集中轮训班",
                "市委党校第二教室", first, first.plusDays(2), true));
        ClassSession day = session(c, "第一讲：学习党章，遵守党章", first, LocalTime.of(9, 0), LocalTime.of(17, 0));
        ClassSession half = session(c, "第二讲：《中国共产党支部工作条例》解读", first.plusDays(1), LocalTime.of(9, 0),
                LocalTime.of(12, 0));
        ClassSession last = session(c, "第三讲：党史专题与结业考试", first.plusDays(2), LocalTime.of(9, 0), LocalTime.of(17, 0));
        services.classes().enrol(scope, c.id(), List.of(secretary.id(), member.id(), absent.id()));
        for (ClassSession s : List.of(day, half, last)) {
            attend(s, secretary, 0);
            attend(s, member, 3);
            if (s != half) {
                attend(s, absent, 8);
            }
        }
    }

    private void runningClass(PlacedOrg branch, Member secretary, Member member) {
        TrainingClass c = services.classes().open(scope, new ClassDraft(branch.org().id(),
                "学习贯彻党的创新理论专题培训班", "机关大楼三楼会议室", today, today.plusDays(1), true));
        session(c, "专题辅导：新时代党的建设", today, LocalTime.of(14, 0), LocalTime.of(17, 0));
        session(c, "交流研讨：联系实际谈体会", today.plusDays(1), LocalTime.of(9, 0), LocalTime.of(12, 0));
        services.classes().enrol(scope, c.id(), List.of(secretary.id(), member.id()));
    }

    private ClassSession session(TrainingClass c, String title, LocalDate on, LocalTime from, LocalTime to) {
        return services.classes().addSession(scope, c.id(), new SessionDraft(title, on.atTime(from), on.atTime(to),
                null, null));
    }

    /** Checked in a few minutes before (or {@code lateMinutes} after) the start, out at the end. */
    private void attend(ClassSession s, Member m, int lateMinutes) {
        LocalDateTime start = LocalDateTime.ofInstant(s.startsAt(), cn.zhibu.platform.PlatformClock.ZONE);
        LocalDateTime end = LocalDateTime.ofInstant(s.endsAt(), cn.zhibu.platform.PlatformClock.ZONE);
        services.classes().byHand(scope, s.id(), m.id(), start.plusMinutes(lateMinutes == 0 ? -5 : lateMinutes),
                end.plusMinutes(2), BY_HAND);
    }
}
