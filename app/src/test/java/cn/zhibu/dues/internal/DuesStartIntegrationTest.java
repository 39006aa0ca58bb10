package cn.zhibu.dues.internal;

import cn.zhibu.admission.CandidateAdmitted;
import cn.zhibu.dues.DuesSettings;
import cn.zhibu.dues.ProbationStart;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/** F5: the admission's event records where a new 预备党员's dues start, under either setting, and asks for a base. */
@IntegrationTest
class DuesStartIntegrationTest {

    @Autowired TestData data;
    @Autowired DuesStartRows starts;
    @Autowired DuesSettings settings;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired BillsInboxItems inbox;

    private Member admitted(Organization branch) {
        return data.member(branch.id(), "新预备党员", MemberStatus.PROBATIONARY);
    }

    @Test
    void F5_meeting_month_setting_starts_dues_in_the_month_of_the_admitting_meeting_and_asks_for_a_base() {
        Organization committee = data.committee("起交党委" + System.nanoTime() % 1_000_000);
        Organization branch = data.org(committee.id(), "起交支部", OrganizationType.BRANCH);
        Member m = admitted(branch);
        tx.executeWithoutResult(s -> events.publishEvent(
                new CandidateAdmitted(1, m.id(), branch.id(), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 20))));
        assertThat(settings.probationStart()).isEqualTo(ProbationStart.MEETING_MONTH);
        assertThat(starts.firstMonth(m.id())).contains(YearMonth.of(2026, 3));

        DataScope secretary = new DataScope(1, "书记", false, List.of(), List.of(branch.path()), null, null, false);
        List<InboxItem> items = inbox.items(new InboxQuery(secretary, branch.id(), branch.path(), LocalDate.now(), 20,
                false));
        assertThat(items).extracting(InboxItem::title).contains("为新预备党员核定党费基数", "本月党费账单尚未生成");
    }

    @Test
    void F5_next_month_setting_starts_dues_the_month_after_the_meeting() {
        Organization branch = data.org(data.committee("次月党委" + System.nanoTime() % 1_000_000).id(), "次月支部",
                OrganizationType.BRANCH);
        Member m = admitted(branch);
        DuesStartListener nextMonth = new DuesStartListener(starts, settings.withProbationStart(ProbationStart.NEXT_MONTH),
                audit, jdbc);
        tx.executeWithoutResult(s -> nextMonth.on(
                new CandidateAdmitted(2, m.id(), branch.id(), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3))));
        assertThat(starts.firstMonth(m.id())).contains(YearMonth.of(2027, 1));
        assertThat(new TreePath(branch.path().value())).isNotNull();
    }
}
