package cn.zhibu.life;

import cn.zhibu.organization.OrganizationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which organization may hold which kind of meeting (B6–B11), over every type of organization. */
class MeetingKindRulesTest {

    @ParameterizedTest(name = "{0} at a {1} (committee seated: {2}) → allowed: {3}")
    @CsvSource({
            // B6, B10, B11: the branch is the unit
            "GENERAL_ASSEMBLY, BRANCH,           false, true",
            "GENERAL_ASSEMBLY, JOINT_BRANCH,     false, true",
            "GENERAL_ASSEMBLY, TEMPORARY_BRANCH, false, true",
            "GENERAL_ASSEMBLY, GROUP,            false, false",
            "GENERAL_ASSEMBLY, GENERAL_BRANCH,   true,  false",
            "GENERAL_ASSEMBLY, BASE_COMMITTEE,   true,  false",
            "THEME_DAY,        BRANCH,           false, true",
            "THEME_DAY,        GROUP,            false, false",
            "THEME_DAY,        BASE_COMMITTEE,   true,  false",
            "LIFE_MEETING,     JOINT_BRANCH,     false, true",
            "LIFE_MEETING,     GENERAL_BRANCH,   true,  false",
            "APPRAISAL,        BRANCH,           false, true",
            "APPRAISAL,        GROUP,            false, false",
            // B7: a branch with a committee seated, nothing else
            "COMMITTEE,        BRANCH,           true,  true",
            "COMMITTEE,        BRANCH,           false, false",
            "COMMITTEE,        TEMPORARY_BRANCH, true,  true",
            "COMMITTEE,        GROUP,            true,  false",
            "COMMITTEE,        BASE_COMMITTEE,   true,  false",
            "COMMITTEE,        GENERAL_BRANCH,   true,  false",
            // B8: a 党小组 only
            "GROUP,            GROUP,            false, true",
            "GROUP,            BRANCH,           true,  false",
            // B9: a committee or a branch
            "LECTURE,          BASE_COMMITTEE,   true,  true",
            "LECTURE,          LOCAL_COMMITTEE,  true,  true",
            "LECTURE,          BRANCH,           false, true",
            "LECTURE,          GROUP,            false, false",
            "LECTURE,          GENERAL_BRANCH,   true,  false",
            // B11: talks are recorded as talks
            "HEART_TALK,       BRANCH,           true,  false",
    })
    void B6_to_B11_each_kind_is_held_only_where_it_applies(MeetingKind kind, OrganizationType type,
                                                           boolean committeeSeated, boolean allowed) {
        String problem = MeetingKindRules.problem(kind, type, committeeSeated, "某组织");
        if (allowed) {
            assertThat(problem).isNull();
        } else {
            assertThat(problem).isNotBlank().contains(kind.rule());
        }
        assertThat(MeetingKindRules.allowed(type, committeeSeated).contains(kind)).isEqualTo(allowed);
    }
}
