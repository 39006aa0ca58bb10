package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesArrears;
import cn.zhibu.dues.DuesFixture;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F8 after a large bill run: the subtree is queued and recounted in slices of member ids, each in its own
 * transaction, until the fact equals what an immediate recount gives.
 */
@IntegrationTest
class ArrearsBacklogIntegrationTest {

    @Autowired TestData data;
    @Autowired DuesFixture fixture;
    @Autowired DuesArrears arrears;
    @Autowired ArrearsBacklog backlog;
    @Autowired JdbcClient jdbc;

    @Test
    void F8_a_queued_subtree_is_recounted_slice_by_slice_and_leaves_the_queue() {
        Organization committee = data.committee("欠缴分批党委" + System.nanoTime() % 1_000_000);
        Organization branch = data.org(committee.id(), "欠缴分批支部", OrganizationType.BRANCH);
        YearMonth last = YearMonth.now().minusMonths(1);
        Member four = data.member(branch.id(), "分批四月", MemberStatus.FULL);
        fixture.bills(four.id(), new BigDecimal("10.00"), last.minusMonths(3), last.minusMonths(2), last.minusMonths(1), last);
        Member one = data.member(branch.id(), "分批一月", MemberStatus.FULL);
        fixture.bills(one.id(), new BigDecimal("10.00"), last);
        // as a province's run leaves it: bills made, the fact not yet counted
        jdbc.sql("delete from dues_arrears where member_id in (?, ?)").params(four.id(), one.id()).update();
        assertThat(arrears.run(four.id()).months()).isZero();

        backlog.request(committee.path());
        long before = jdbc.sql("select next_id from dues_arrears_pending where org_path = ?")
                .param(committee.path().value()).query(Long.class).single();
        assertThat(before).isZero();
        while (backlog.work() > 0) {
            // each call works off what it can within its budget; the slices are committed one by one
        }

        assertThat(arrears.run(four.id()).months()).isEqualTo(4);
        assertThat(arrears.run(one.id()).months()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from dues_arrears_pending where org_path = ?")
                .param(committee.path().value()).query(Long.class).single()).isZero();
    }
}
