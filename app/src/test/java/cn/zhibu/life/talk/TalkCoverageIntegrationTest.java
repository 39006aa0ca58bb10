package cn.zhibu.life.talk;

import cn.zhibu.life.appraisal.AppraisalFixtures;
import cn.zhibu.member.Member;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static cn.zhibu.life.appraisal.AppraisalFixtures.memberScope;
import static cn.zhibu.life.appraisal.AppraisalFixtures.secretaryScope;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 谈心谈话 (B11): the yearly coverage of the three pairings, with a committee and without one, per member; who may
 * record a talk and with whom.
 */
@IntegrationTest
class TalkCoverageIntegrationTest {

    @Autowired AppraisalFixtures fixtures;
    @Autowired TalkService talks;
    @Autowired TalkCoverageReader coverage;
    @Autowired OrganizationService organizations;

    private static final LocalDate TODAY = LocalDate.now();

    private AppraisalFixtures.Branch withCommittee(String name, int seated, int full) {
        AppraisalFixtures.Branch b = fixtures.branch(name, full, 1);
        organizations.startTerm(SYSTEM, b.org().id(), TODAY.minusYears(1), TODAY.plusYears(2));
        CommitteePosition[] positions = {CommitteePosition.SECRETARY, CommitteePosition.ORGANIZATION,
                CommitteePosition.PROPAGANDA};
        for (int i = 0; i < seated; i++) {
            Member m = b.full().get(i);
            organizations.addSeat(SYSTEM, b.org().id(), positions[i], m.id(), m.name());
        }
        return b;
    }

    private Talk talk(DataScope scope, AppraisalFixtures.Branch b, Member one, Member other) {
        return talks.record(scope, new TalkDraft(b.org().id(), one.id(), other.id(), TODAY, "交流思想和工作", null));
    }

    private static Map<Pairing, TalkCoverage.PairingCoverage> byPairing(TalkCoverage c) {
        return c.pairings().stream().collect(Collectors.toMap(TalkCoverage.PairingCoverage::pairing, p -> p));
    }

    @Test
    void B11_with_a_committee_all_three_pairings_apply_and_each_is_covered_by_its_own_talks() {
        AppraisalFixtures.Branch b = withCommittee("谈话有支委", 2, 5); // 2 seated, 3 other 正式 + 1 预备
        DataScope secretary = secretaryScope(b.org());
        Member c1 = b.full().get(0), c2 = b.full().get(1), m1 = b.full().get(2), m2 = b.full().get(3);

        TalkCoverage none = coverage.coverage(secretary, b.org().id(), TODAY.getYear());
        assertThat(none.committee()).isTrue();
        assertThat(none.pairings()).allSatisfy(p -> {
            assertThat(p.applies()).as(p.label()).isTrue();
            assertThat(p.covered()).as(p.label()).isFalse();
        });
        assertThat(none.membersWithoutTalk()).isEqualTo(6);

        talk(secretary, b, c1, c2);
        talk(secretary, b, m1, c1);
        TalkCoverage two = coverage.coverage(secretary, b.org().id(), TODAY.getYear());
        assertThat(byPairing(two).get(Pairing.COMMITTEE_COMMITTEE).talks()).isEqualTo(1);
        assertThat(byPairing(two).get(Pairing.COMMITTEE_MEMBER).talks()).isEqualTo(1);
        assertThat(byPairing(two).get(Pairing.MEMBER_MEMBER).covered()).isFalse();
        assertThat(two.complete()).isFalse();
        assertThat(two.missing()).extracting(TalkCoverage.PairingCoverage::pairing).containsExactly(Pairing.MEMBER_MEMBER);
        TalkCoverage.MemberCoverage first = two.members().stream().filter(m -> m.memberId() == c1.id()).findFirst().orElseThrow();
        assertThat(first.committee()).isTrue();
        assertThat(first.talks()).isEqualTo(2);
        assertThat(first.pairings()).containsExactlyInAnyOrder(Pairing.COMMITTEE_COMMITTEE, Pairing.COMMITTEE_MEMBER);

        // a member records their own talk with another member (they are the first party when they leave it out)
        Talk own = talks.record(memberScope(m2), new TalkDraft(null, null, b.probationary().get(0).id(), TODAY,
                "谈学习体会", "互相交流了学习党章的体会"));
        assertThat(own.involves(m2.id())).isTrue();
        TalkCoverage all = coverage.coverage(secretary, b.org().id(), TODAY.getYear());
        assertThat(all.complete()).isTrue();
        assertThat(all.members().stream().filter(m -> m.talks() == 0).map(TalkCoverage.MemberCoverage::name))
                .containsExactly(b.full().get(4).name());
        // last year is another year
        assertThat(coverage.coverage(secretary, b.org().id(), TODAY.getYear() - 1).talks()).isZero();
    }

    @Test
    void B11_without_a_committee_only_talks_between_members_apply() {
        AppraisalFixtures.Branch b = fixtures.branch("谈话无支委", 3, 0);
        DataScope secretary = secretaryScope(b.org());
        TalkCoverage c = coverage.coverage(secretary, b.org().id(), TODAY.getYear());
        assertThat(c.committee()).isFalse();
        Map<Pairing, TalkCoverage.PairingCoverage> p = byPairing(c);
        assertThat(p.get(Pairing.COMMITTEE_COMMITTEE).applies()).isFalse();
        assertThat(p.get(Pairing.COMMITTEE_COMMITTEE).note()).contains("未设支部委员会", "只需党员之间");
        assertThat(p.get(Pairing.COMMITTEE_MEMBER).applies()).isFalse();
        assertThat(p.get(Pairing.MEMBER_MEMBER).applies()).isTrue();
        assertThat(c.complete()).isFalse();
        talk(secretary, b, b.full().get(0), b.full().get(1));
        assertThat(coverage.coverage(secretary, b.org().id(), TODAY.getYear()).complete()).isTrue();
    }

    @Test
    void B11_a_committee_of_one_secretary_has_no_pairing_between_committee_members() {
        AppraisalFixtures.Branch b = withCommittee("谈话一书记", 1, 3);
        Map<Pairing, TalkCoverage.PairingCoverage> p = byPairing(coverage.coverage(secretaryScope(b.org()),
                b.org().id(), TODAY.getYear()));
        assertThat(p.get(Pairing.COMMITTEE_COMMITTEE).applies()).isFalse();
        assertThat(p.get(Pairing.COMMITTEE_COMMITTEE).note()).contains("只有1名委员");
        assertThat(p.get(Pairing.COMMITTEE_MEMBER).applies()).isTrue();
        assertThat(p.get(Pairing.MEMBER_MEMBER).applies()).isTrue();
    }

    @Test
    void a_member_records_only_their_own_talks_and_only_with_members_of_their_branch() {
        AppraisalFixtures.Branch b = fixtures.branch("谈话记录", 3, 0);
        AppraisalFixtures.Branch other = fixtures.branch("谈话别支部", 2, 0);
        DataScope member = memberScope(b.full().get(0));
        assertThatThrownBy(() -> talks.record(member, new TalkDraft(null, b.full().get(1).id(), b.full().get(2).id(),
                TODAY, "他人的谈话", null))).isInstanceOf(ForbiddenException.class);
        InvalidInputException outsider = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> talks.record(member, new TalkDraft(null, null, other.full().get(0).id(), TODAY, "跨支部", null)));
        assertThat(outsider.fieldErrors()).containsEntry("otherId", "所选党员不是本支部党员");
        InvalidInputException bad = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> talks.record(secretaryScope(b.org()), new TalkDraft(b.org().id(), b.full().get(0).id(),
                        b.full().get(0).id(), TODAY.plusDays(1), " ", null)));
        assertThat(bad.fieldErrors()).containsKeys("otherId", "heldOn", "topic");
        // the member sees their talk, not the branch's others
        talks.record(secretaryScope(b.org()), new TalkDraft(b.org().id(), b.full().get(1).id(), b.full().get(2).id(),
                TODAY, "书记记录的谈话", null));
        Talk mine = talks.record(member, new TalkDraft(null, null, b.full().get(1).id(), TODAY, "我的谈话", null));
        assertThat(talks.list(member, null, TODAY.getYear(), 0, 20).items()).extracting(Talk::id).containsExactly(mine.id());
        assertThat(talks.list(secretaryScope(b.org()), b.org().id(), TODAY.getYear(), 0, 20).total()).isEqualTo(2);
        // the recorder may delete their own record; another member may not
        assertThatThrownBy(() -> talks.delete(memberScope(b.full().get(2)), mine.id())).isInstanceOf(RuntimeException.class);
        talks.delete(member, mine.id());
        assertThat(talks.list(member, null, TODAY.getYear(), 0, 20).total()).isZero();
    }
}
