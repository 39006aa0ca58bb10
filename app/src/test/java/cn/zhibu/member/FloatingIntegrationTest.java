package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 流动党员: outflow kept in contact (R2), flagged for transfer at 6 months at a fixed place (R1), 活动证 (R3). */
@IntegrationTest
class FloatingIntegrationTest {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired TestData data;
    @Autowired FloatingService floating;

    Organization branch;
    Member member;

    @BeforeEach
    void branch() {
        branch = data.org(data.committee("流动测试党委").id(), "流动测试支部", OrganizationType.BRANCH);
        member = data.member(branch.id(), "流动党员", MemberStatus.FULL);
    }

    private List<String> rulesDue() {
        return floating.reminders(SYSTEM, branch.id()).stream().map(MemberReminder::rule).toList();
    }

    @Test
    void r1_away_six_months_at_a_fixed_place_is_flagged_for_transfer_not_a_day_earlier() {
        Outflow f = floating.registerOutflow(SYSTEM, member.id(), new OutflowForm("广东省深圳市", "务工", 
                TODAY.minusMonths(6).plusDays(1), true, "13800000000", "活动证001"));
        assertThat(rulesDue()).doesNotContain("R1");
        floating.registerReturn(SYSTEM, f.id(), TODAY);
        floating.registerOutflow(SYSTEM, member.id(), new OutflowForm("广东省深圳市", "务工", TODAY.minusMonths(6), true,
                null, "活动证002"));
        assertThat(rulesDue()).contains("R1");
    }

    @Test
    void r2_contact_is_kept_and_overdue_contact_is_reminded() {
        Outflow f = floating.registerOutflow(SYSTEM, member.id(), new OutflowForm("北京市", "学习", TODAY.minusMonths(4),
                false, null, null));
        assertThat(rulesDue()).contains("R2", "R3");
        floating.recordContact(SYSTEM, f.id(), TODAY);
        floating.issueCertificate(SYSTEM, f.id(), "京流2026-18");
        assertThat(rulesDue()).doesNotContain("R2", "R3");
        assertThat(floating.outflows(SYSTEM, branch.id(), true)).singleElement()
                .satisfies(o -> assertThat(o.lastContactOn()).isEqualTo(TODAY));
        assertThatThrownBy(() -> floating.recordContact(SYSTEM, f.id(), TODAY.plusDays(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能晚于今天");
    }

    @Test
    void one_open_outflow_per_member_and_fields_are_required() {
        assertThatThrownBy(() -> floating.registerOutflow(SYSTEM, member.id(), new OutflowForm(" ", null, null, null,
                null, null))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKeys("destination", "reason", "leftOn"));
        assertThatThrownBy(() -> floating.registerOutflow(SYSTEM, member.id(), new OutflowForm("上海市", "随迁", TODAY,
                false, null, null, 0))).isInstanceOf(InvalidInputException.class).hasMessageContaining("1至120");
        assertThat(floating.registerOutflow(SYSTEM, member.id(), new OutflowForm("上海市", "随迁", TODAY, false, null, null,
                12)).expectedMonths()).isEqualTo(12);
        assertThatThrownBy(() -> floating.registerOutflow(SYSTEM, member.id(), new OutflowForm("上海市", "随迁", TODAY,
                false, null, null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("尚未登记返回");
    }

    @Test
    void inflows_are_registered_where_members_live_and_registers_are_scoped() {
        Inflow in = floating.registerInflow(SYSTEM, branch.id(), new InflowForm("外地党员", "某县某镇党委", TODAY, null,
                "活动证X1"));
        assertThat(in.votesHere()).isFalse();
        assertThat(floating.inflows(SYSTEM, branch.id(), true)).extracting(Inflow::id).contains(in.id());
        Organization other = data.org(data.committee("流动无关党委").id(), "流动无关支部", OrganizationType.BRANCH);
        DataScope stranger = new DataScope(66, "无关书记", false, List.of(), List.of(other.path()), null, null, false);
        assertThatThrownBy(() -> floating.inflows(stranger, branch.id(), true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> floating.registerInflowLeft(stranger, in.id(), TODAY)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> floating.registerOutflow(stranger, member.id(), new OutflowForm("x", "y", TODAY, false,
                null, null))).isInstanceOf(NotFoundException.class);
        floating.registerInflowLeft(SYSTEM, in.id(), TODAY);
        assertThat(floating.inflows(SYSTEM, branch.id(), true)).extracting(Inflow::id).doesNotContain(in.id());
    }
}
