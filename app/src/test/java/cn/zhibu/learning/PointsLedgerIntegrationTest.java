package cn.zhibu.learning;

import cn.zhibu.learning.points.PointsAction;
import cn.zhibu.learning.points.PointsEntry;
import cn.zhibu.learning.points.PointsService;
import cn.zhibu.learning.points.PointsYear;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Instant;
import java.time.LocalDate;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RULES.md L1: the ledger sums, each category stays within its bounds, corrections are reversing rows. */
@IntegrationTest
class PointsLedgerIntegrationTest {

    @Autowired TestData data;
    @Autowired PointsService points;
    @Autowired ApplicationEventPublisher events;

    private Member member(String name) {
        Organization branch = data.org(data.committee("积分测试党委" + System.nanoTime() % 1_000_000).id(),
                "积分测试支部", OrganizationType.BRANCH);
        return data.member(branch.id(), name, MemberStatus.FULL);
    }

    private PointsYear year(Member m) {
        return points.of(SYSTEM, m.id(), LocalDate.now(PlatformClock.ZONE).getYear());
    }

    @Test
    void L1_a_new_year_is_base_20_and_each_source_earns_once_by_the_default_scheme() {
        Member m = member("积分党员甲");
        assertThat(year(m).total()).isEqualTo(20);
        Instant now = Instant.now();
        events.publishEvent(new CourseCompleted(m.id(), 11, false, now));
        events.publishEvent(new CourseCompleted(m.id(), 11, false, now)); // the same course again: nothing
        events.publishEvent(new CourseCompleted(m.id(), 12, true, now));
        events.publishEvent(new ExamPassed(m.id(), 5, 50, 90, false, now));
        events.publishEvent(new ExamPassed(m.id(), 7, 70, 1, true, now));
        events.publishEvent(new ExamPassed(m.id(), 7, 71, 1, true, now)); // a second quiz the same day: capped at 1
        PointsYear y = year(m);
        assertThat(y.task()).isEqualTo(2 + 3 + 5 + 1);
        assertThat(y.base()).isEqualTo(20);
        assertThat(y.total()).isEqualTo(31);
        assertThat(y.entries()).hasSize(5);
        assertThat(y.entries().get(0).points()).isZero();
        assertThat(y.entries().get(0).reason()).contains("上限");
        assertThat(y.entries().stream().mapToInt(PointsEntry::points).sum()).isEqualTo(y.task());
    }

    @Test
    void L1_task_points_stop_at_70_and_reward_at_10_with_the_rest_recorded_as_zero() {
        Member m = member("积分党员乙");
        for (int i = 0; i < 15; i++) {
            points.grant(m.id(), PointsAction.EXAM_PASSED, 1000 + i, "考试", LocalDate.now(PlatformClock.ZONE));
        }
        assertThat(year(m).task()).isEqualTo(70);
        assertThat(year(m).entries().get(0).points()).isZero();
        assertThat(year(m).entries().get(0).requested()).isEqualTo(5);
        points.reward(SYSTEM, m.id(), 8, "抗洪抢险表现突出");
        PointsEntry capped = points.reward(SYSTEM, m.id(), 5, "志愿服务");
        assertThat(capped.points()).isEqualTo(2);
        assertThat(year(m).reward()).isEqualTo(10);
        assertThat(year(m).total()).isEqualTo(100);
        assertThatThrownBy(() -> points.reward(SYSTEM, m.id(), 11, "超过上限"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void L1_base_is_deductions_only_never_below_0_and_a_reversal_restores_it() {
        Member m = member("积分党员丙");
        PointsEntry first = points.deduct(SYSTEM, m.id(), 15, "无故缺席组织生活");
        PointsEntry second = points.deduct(SYSTEM, m.id(), 10, "未按时交纳党费");
        assertThat(second.points()).isEqualTo(-5);
        assertThat(year(m).base()).isZero();
        PointsEntry reversal = points.reverse(SYSTEM, first.id(), "经核实已请假");
        assertThat(reversal.points()).isEqualTo(15);
        assertThat(reversal.reverses()).isEqualTo(first.id());
        assertThat(year(m).base()).isEqualTo(15);
        assertThatThrownBy(() -> points.reverse(SYSTEM, first.id(), "再次冲正")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> points.deduct(SYSTEM, m.id(), 3, " ")).isInstanceOf(InvalidInputException.class);
        assertThat(year(m).entries()).hasSize(3);
    }

    @Test
    void L1_leaderboards_are_off_by_default_and_say_so() {
        Member m = member("积分党员丁");
        assertThatThrownBy(() -> points.leaderboard(SYSTEM, m.orgId(), 2026))
                .hasMessageContaining("积分排行榜未开启");
    }
}
