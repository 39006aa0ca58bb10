package cn.zhibu.member;

import java.util.Map;

/** Members of a subtree counted by the 党内统计 dimensions (S1), read from the roll-up. */
public record MemberBreakdown(Map<MemberStatus, Integer> byStatus, Map<Gender, Integer> byGender,
                              Map<Education, Integer> byEducation, Map<String, Integer> byEthnicity,
                              Map<Occupation, Integer> byOccupation, Map<AgeBand, Integer> byAgeBand) {

    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
