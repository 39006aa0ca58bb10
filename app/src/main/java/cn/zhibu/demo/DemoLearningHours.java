package cn.zhibu.demo;

import cn.zhibu.learning.hours.ExternalTrainingForm;
import cn.zhibu.learning.hours.ExternalTrainings;
import cn.zhibu.life.AttendanceChanges;
import cn.zhibu.member.Member;
import cn.zhibu.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 学时 of the demo (RULES.md §7 T1, T2): the held meetings of the two demo secretaries' branches credit their
 * attendees (党课 and 组织生活 from check-in to check-out); the demo secretary, who holds a seat, has a concentrated
 * training at the party school (T2 asks for one); the demo member has a training recorded from a certificate.
 */
final class DemoLearningHours {

    /** The services the demo writes through (one bean, so the loader takes one parameter). */
    @Component
    record Services(ExternalTrainings external, AttendanceChanges attendance, JdbcClient jdbc) {
    }

    private final Services services;
    private final DataScope scope;
    private final LocalDate today;

    DemoLearningHours(Services services, DataScope scope, LocalDate today) {
        this.services = services;
        this.scope = scope;
        this.today = today;
    }

    void year(PlacedOrg root) {
        PlacedOrg branch = root.find(DemoAccounts.SECRETARY_BRANCH);
        for (PlacedOrg b : new PlacedOrg[]{branch, root.find(DemoAccounts.OTHER_SECRETARY_BRANCH)}) {
            services.jdbc().sql("select id from life_meeting where org_id = ? and status in ('HELD', 'CONFIRMED')"
                            + " order by id")
                    .param(b.org().id()).query(Long.class).list()
                    .forEach(services.attendance()::meeting);
        }
        LocalDate trained = today.getDayOfYear() > 20 ? today.minusDays(10) : today;
        Member secretary = named(branch, DemoAccounts.SECRETARY_NAME);
        services.external().record(scope, new ExternalTrainingForm(secretary.id(), "基层党组织书记示范培训班",
                trained, new BigDecimal("24"), "市委党校", true, "DX" + today.getYear() + "-0318",
                "脱产集中培训5天，结业证书已存档"));
        Member member = named(branch, DemoAccounts.MEMBER_NAME);
        services.external().record(scope, new ExternalTrainingForm(member.id(), "数字政府业务能力提升专题讲座",
                trained, new BigDecimal("3.5"), "市行政学院", false, null, "单位统一组织，凭签到表登记"));
    }

    private static Member named(PlacedOrg branch, String name) {
        return branch.members().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
