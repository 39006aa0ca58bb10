package cn.zhibu.life;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** B6 (党员大会: more than half of the voting members present) and B7 (支委会: more than half of its members), in integers. */
class QuorumTest {

    @Test
    void B6_general_assembly_with_4_of_8_voting_members_present_is_not_quorate() {
        Quorum q = Quorum.of(Set.of(MeetingKind.GENERAL_ASSEMBLY), 8, 4);
        assertThat(q.applies()).isTrue();
        assertThat(q.quorate()).isFalse();
        assertThat(q.lacking()).isTrue();
        assertThat(q.label()).isEqualTo("未达到法定人数");
        assertThat(q.needed()).isEqualTo(5);
        assertThat(q.explanation()).contains("应到有表决权的党员8人", "实到4人", "至少5人", "B6", "表决事项无效");
    }

    @Test
    void B6_general_assembly_with_5_of_8_voting_members_present_is_quorate() {
        Quorum q = Quorum.of(Set.of(MeetingKind.GENERAL_ASSEMBLY, MeetingKind.LIFE_MEETING), 8, 5);
        assertThat(q.quorate()).isTrue();
        assertThat(q.label()).isEqualTo("已达到法定人数");
        assertThat(q.rule()).isEqualTo("B6");
    }

    @Test
    void B7_committee_meeting_with_2_of_3_members_present_is_quorate() {
        Quorum q = Quorum.of(Set.of(MeetingKind.COMMITTEE), 3, 2);
        assertThat(q.quorate()).isTrue();
        assertThat(q.rule()).isEqualTo("B7");
    }

    @Test
    void B7_committee_meeting_with_1_of_2_members_present_is_not_quorate() {
        Quorum q = Quorum.of(Set.of(MeetingKind.COMMITTEE), 2, 1);
        assertThat(q.quorate()).isFalse();
        assertThat(q.needed()).isEqualTo(2);
    }

    @ParameterizedTest(name = "B6/B7: {1} of {0} with a vote present → quorate {2}")
    @CsvSource({"8, 4, false", "8, 5, true", "3, 2, true", "3, 1, false", "2, 1, false", "2, 2, true", "1, 1, true",
            "1, 0, false", "0, 0, false", "7, 4, true", "7, 3, false"})
    void B6_B7_more_than_half_present_in_integers(int voting, int present, boolean quorate) {
        assertThat(Quorum.of(Set.of(MeetingKind.GENERAL_ASSEMBLY), voting, present).quorate()).isEqualTo(quorate);
        assertThat(Quorum.of(Set.of(MeetingKind.COMMITTEE), voting, present).quorate()).isEqualTo(quorate);
    }

    @Test
    void a_meeting_that_does_not_vote_has_no_quorum_to_meet() {
        Quorum q = Quorum.of(Set.of(MeetingKind.THEME_DAY, MeetingKind.LECTURE), 8, 1);
        assertThat(q.applies()).isFalse();
        assertThat(q.lacking()).isFalse();
        assertThat(q.label()).isNull();
        assertThat(Quorum.of(Set.of(MeetingKind.GENERAL_ASSEMBLY, MeetingKind.COMMITTEE), 3, 2).rule())
                .isEqualTo("B6、B7");
    }
}
