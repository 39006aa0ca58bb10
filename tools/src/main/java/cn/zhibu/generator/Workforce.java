package cn.zhibu.generator;

import cn.zhibu.member.Occupation;

import java.util.List;

/**
 * Who the members of a generated branch are, as a mix of the 公报 occupations: a village branch is mostly
 * 农牧渔民, a community branch mostly 离退休人员, a college's student branch all 学生. The province's overall
 * shares (RULES.md S1) come out of this mix and of how many branches of each kind the tree has.
 */
enum Workforce {
    //                WORKER FARMER PROF MANAGER CIVIL STUDENT OTHER RETIRED
    VILLAGERS(-1, 4, 78, 2, 3, 0, 0, 5, 8),
    RESIDENTS(-1, 3, 0, 4, 4, 0, 0, 18, 71),
    CIVIL_SERVANTS(-1, 6, 0, 6, 6, 82, 0, 0, 0),
    RETIREES(-1, 0, 0, 0, 0, 0, 0, 0, 100),
    STATE_STAFF(-1, 24, 0, 29, 42, 0, 0, 5, 0),
    PRIVATE_STAFF(-1, 24, 0, 25, 39, 0, 0, 12, 0),
    TEACHERS(55, 3, 0, 85, 10, 0, 0, 2, 0),
    STUDENTS(-1, 0, 0, 0, 0, 0, 100, 0, 0),
    MEDICS(58, 4, 0, 80, 14, 0, 0, 2, 0),
    TECHNICIANS(-1, 8, 0, 72, 15, 0, 0, 5, 0),
    SOCIAL_SECTOR(-1, 0, 0, 45, 20, 0, 0, 35, 0),
    PROJECT_TEAM(-1, 30, 0, 40, 30, 0, 0, 0, 0);

    private final int femalePercent;
    private final Weighted<Occupation> occupations;

    /** @param femalePercent share of women where the unit differs from its occupations' usual share, else -1 */
    Workforce(int femalePercent, int... occupationWeights) {
        this.femalePercent = femalePercent;
        this.occupations = Weighted.of(List.of(Occupation.values()), occupationWeights);
    }

    Weighted<Occupation> occupations() {
        return occupations;
    }

    /** Share of women in percent, or -1 to use the usual share of each occupation. */
    int femalePercent() {
        return femalePercent;
    }
}
