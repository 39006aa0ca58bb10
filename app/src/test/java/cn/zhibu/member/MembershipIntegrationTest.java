package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.statistics.StatisticsService;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.RollupAudit;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Status changes as actions with history, out of and back into the registry, with exact counts (D10, D11, R5). */
@IntegrationTest
class MembershipIntegrationTest {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired TestData data;
    @Autowired MemberService members;
    @Autowired MembershipService membership;
    @Autowired StatisticsService statistics;
    @Autowired RollupAudit rollups;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Organization committee;
    Organization branch;

    @BeforeEach
    void branch() {
        committee = data.committee("党籍测试党委");
        branch = data.org(committee.id(), "党籍测试支部", OrganizationType.BRANCH);
    }

    private Member probationary(String name, LocalDate joined) {
        MemberForm f = TestData.form(branch.id(), name, true, LocalDate.of(1990, 6, 1), MemberStatus.PROBATIONARY);
        return members.create(SYSTEM, new MemberForm(f.orgId(), f.name(), f.gender(), f.ethnicity(), f.birthDate(),
                f.idNumber(), f.phone(), f.education(), f.occupation(), f.status(), joined, null, null, null));
    }

    private static StatusChange change(StatusChangeKind kind, LocalDate on) {
        return new StatusChange(kind, on, "经支部大会讨论", "党字〔2026〕8号", "党籍测试党委");
    }

    private long total(Organization org) {
        return statistics.dashboard(SYSTEM, org.id()).members().total();
    }

    @Test
    void d10_conversion_is_an_approved_action_with_history_and_exact_counts() {
        Member m = probationary("转正甲", TODAY.minusYears(1).minusDays(3));
        LocalDate due = m.joinedOn().plusYears(1);
        assertThatThrownBy(() -> membership.change(SYSTEM, m.id(), change(StatusChangeKind.CONVERT, due.minusDays(1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("前不能转正");
        assertThat(members.get(SYSTEM, m.id()).status()).isEqualTo(MemberStatus.PROBATIONARY);

        StatusEvent event = membership.change(SYSTEM, m.id(), change(StatusChangeKind.CONVERT, due));
        assertThat(event.fromStatus()).isEqualTo("PROBATIONARY");
        assertThat(event.toStatus()).isEqualTo("FULL");
        Member converted = members.get(SYSTEM, m.id());
        assertThat(converted.status()).isEqualTo(MemberStatus.FULL);
        assertThat(converted.convertedOn()).isEqualTo(due);
        assertThat(membership.history(SYSTEM, m.id())).singleElement()
                .satisfies(e -> assertThat(e.approvedBy()).isEqualTo("党籍测试党委"));
        assertThat(statistics.dashboard(SYSTEM, branch.id()).members().byStatus()).containsEntry(MemberStatus.FULL, 1);
        assertThat(rollups.memberMismatches()).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where action = '党员.状态变更' and entity_id = ?")
                .param(Long.toString(m.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void r5_lost_contact_then_suspension_leaves_the_registry_and_restoration_brings_it_back() {
        Member m = data.member(branch.id(), "失联乙", MemberStatus.FULL);
        assertThat(total(committee)).isEqualTo(1);
        membership.setLostContact(SYSTEM, m.id(), TODAY.minusMonths(6).plusDays(1));
        assertThatThrownBy(() -> membership.change(SYSTEM, m.id(), change(StatusChangeKind.SUSPEND, TODAY)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("满6个月");

        membership.setLostContact(SYSTEM, m.id(), TODAY.minusMonths(6));
        assertThat(membership.reminders(SYSTEM, committee.id(), 10))
                .anySatisfy(r -> assertThat(r.memberId()).isEqualTo(m.id()));
        membership.change(SYSTEM, m.id(), change(StatusChangeKind.SUSPEND, TODAY));
        assertThatThrownBy(() -> members.get(SYSTEM, m.id())).isInstanceOf(NotFoundException.class);
        assertThat(total(committee)).isZero();
        assertThat(membership.archived(SYSTEM, committee.id(), ArchiveStatus.SUSPENDED, 0, 20).items())
                .singleElement().satisfies(a -> {
                    assertThat(a.member().name()).isEqualTo("失联乙");
                    assertThat(a.removalDue()).isEqualTo(TODAY.plusYears(2));
                });
        assertThat(rollups.memberMismatches()).isEmpty();

        // Not yet two years: 除名 is refused, restoration allowed.
        assertThatThrownBy(() -> membership.change(SYSTEM, m.id(), change(StatusChangeKind.REMOVE, TODAY)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("满2年后方可");
        membership.change(SYSTEM, m.id(), change(StatusChangeKind.RESTORE, TODAY));
        Member back = members.get(SYSTEM, m.id());
        assertThat(back.status()).isEqualTo(MemberStatus.FULL);
        assertThat(back.lostContactSince()).isNull();
        assertThat(total(committee)).isEqualTo(1);
        assertThat(membership.history(SYSTEM, m.id())).extracting(StatusEvent::kind)
                .containsExactly(StatusChangeKind.SUSPEND, StatusChangeKind.RESTORE);
        assertThat(rollups.memberMismatches()).isEmpty();
    }

    @Test
    void r5_two_years_after_suspension_removal_is_due_and_restoration_refused() {
        Member m = data.member(branch.id(), "脱党丙", MemberStatus.FULL);
        membership.setLostContact(SYSTEM, m.id(), TODAY.minusYears(3));
        membership.change(SYSTEM, m.id(), change(StatusChangeKind.SUSPEND, TODAY.minusYears(2)));
        assertThat(membership.reminders(SYSTEM, branch.id(), 10))
                .anySatisfy(r -> assertThat(r.message()).contains("应按自行脱党予以除名"));
        assertThatThrownBy(() -> membership.change(SYSTEM, m.id(), change(StatusChangeKind.RESTORE, TODAY)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已满2年");
        membership.change(SYSTEM, m.id(), change(StatusChangeKind.REMOVE, TODAY));
        assertThat(membership.getArchived(SYSTEM, m.id()).status()).isEqualTo(ArchiveStatus.LEFT);
        assertThatThrownBy(() -> membership.change(SYSTEM, m.id(), change(StatusChangeKind.RESTORE, TODAY)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不适用于已出党");
    }

    @Test
    void leaving_the_party_or_death_keeps_the_record_and_its_identity_number() {
        Member m = data.member(branch.id(), "出党丁", MemberStatus.FULL);
        membership.change(SYSTEM, m.id(), new StatusChange(StatusChangeKind.DECEASE, TODAY, "病故", null, null));
        ArchivedMember archived = membership.getArchived(SYSTEM, m.id());
        assertThat(archived.status()).isEqualTo(ArchiveStatus.DECEASED);
        assertThat(archived.member().idNumber()).isEqualTo(m.idNumber());
        MemberForm again = TestData.form(branch.id(), "出党丁", true, m.birthDate(), MemberStatus.FULL);
        // an otherwise valid form (the number is looked up only then): the gender is the number's
        MemberForm sameId = new MemberForm(again.orgId(), again.name(), m.gender(), again.ethnicity(),
                again.birthDate(), m.idNumber(), again.phone(), again.education(), again.occupation(), again.status(),
                again.joinedOn(), again.convertedOn(), null, null);
        assertThatThrownBy(() -> members.create(SYSTEM, sameId)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("已登记去世");
    }

    @Test
    void the_status_is_not_changed_by_editing() {
        Member m = probationary("编辑戊", TODAY.minusYears(2));
        MemberForm edit = new MemberForm(branch.id(), m.name(), m.gender(), m.ethnicity(), m.birthDate(),
                m.idNumber(), m.phone(), m.education(), m.occupation(), MemberStatus.FULL, m.joinedOn(),
                TODAY, null, null);
        assertThatThrownBy(() -> members.update(SYSTEM, m.id(), m.version(), edit))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("状态变更");
        assertThat(membership.reminders(SYSTEM, branch.id(), 10))
                .anySatisfy(r -> assertThat(r.rule()).isEqualTo("D11"));
    }

    @Test
    void the_api_answers_a_refused_change_with_the_field_and_the_reason_and_records_an_allowed_one() {
        Member m = probationary("接口己", TODAY.minusYears(2));
        ApiClient admin = ApiClient.loggedIn(port, cn.zhibu.demo.DemoAccounts.ADMIN, cn.zhibu.demo.DemoAccounts.PASSWORD);
        ApiClient.Response refused = admin.post("/api/v1/members/" + m.id() + "/status-changes",
                Map.of("kind", "CONVERT", "effectiveOn", TODAY.plusDays(1).toString(), "reason", "到期"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("effectiveOn", "不能晚于今天", "approvedBy");
        ApiClient.Response done = admin.post("/api/v1/members/" + m.id() + "/status-changes",
                Map.of("kind", "CONVERT", "effectiveOn", TODAY.toString(), "reason", "按期转正", "approvedBy", "党籍测试党委"));
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(admin.get("/api/v1/members/" + m.id() + "/status-changes").json().size()).isEqualTo(1);
        assertThat(admin.put("/api/v1/members/" + m.id() + "/lost-contact", Map.of("lastContactOn", TODAY.toString()))
                .json().get("lostContactSince").asString()).isEqualTo(TODAY.toString());
        assertThat(admin.get("/api/v1/archived-members?orgId=" + branch.id()).json().get("total").asInt()).isZero();
    }

    @Test
    void r6_a_correction_keeps_the_status_and_is_reminded_when_its_deadline_comes() {
        Member m = data.member(branch.id(), "改正庚", MemberStatus.FULL);
        StatusEvent e = membership.change(SYSTEM, m.id(), new StatusChange(StatusChangeKind.CORRECTION,
                TODAY.minusYears(1), "民主评议不合格", null, "党籍测试党委", TODAY, null));
        assertThat(e.toStatus()).isEqualTo("FULL");
        assertThat(e.deadline()).isEqualTo(TODAY);
        assertThat(members.get(SYSTEM, m.id()).status()).isEqualTo(MemberStatus.FULL);
        assertThat(membership.reminders(SYSTEM, branch.id(), 10))
                .anySatisfy(r -> assertThat(r.rule()).isEqualTo("R6"));
        membership.change(SYSTEM, m.id(), new StatusChange(StatusChangeKind.REMOVE, TODAY, "期满仍无转变", null,
                "党籍测试党委", null, RemovalGround.CORRECTION_FAILED));
        assertThat(membership.getArchived(SYSTEM, m.id()).status()).isEqualTo(ArchiveStatus.LEFT);
        assertThat(rollups.memberMismatches()).isEmpty();
    }
}
