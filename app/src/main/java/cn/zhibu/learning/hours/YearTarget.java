package cn.zhibu.learning.hours;

import cn.zhibu.learning.RoleChangeRule;

import java.math.BigDecimal;

/**
 * The target of one member's study year: the 学时 and concentrated trainings asked, how it was reached (the rule,
 * the months on a committee) and the regulations behind it, for the member to read.
 *
 * @param monthsOnCommittee months of the year in which the member held a seat (open seats counted to 31 December)
 * @param leader            whether the member is judged (wholly) as a committee member (T2)
 */
public record YearTarget(int year, BigDecimal hours, int concentrated, RoleChangeRule rule, int monthsOnCommittee,
                         boolean leader, StudyTarget member, StudyTarget leaderTarget) {

    /** How the target was reached, in Chinese. */
    public String basis() {
        if (monthsOnCommittee == 0) {
            return "党员（" + member.ruleId() + "）";
        }
        if (rule == RoleChangeRule.PRO_RATA && monthsOnCommittee < 12) {
            return "年内担任班子成员" + monthsOnCommittee + "个月，" + rule.label() + "（" + member.ruleId() + "—"
                    + leaderTarget.ruleId() + "）";
        }
        return leader ? "班子成员（" + leaderTarget.ruleId() + "，" + rule.label() + "）"
                : "党员（" + member.ruleId() + "，" + rule.label() + "）";
    }

    /** The regulations the target comes from. */
    public String source() {
        return monthsOnCommittee == 0 ? member.source()
                : rule == RoleChangeRule.PRO_RATA && monthsOnCommittee < 12
                ? member.source() + "；" + leaderTarget.source()
                : leader ? leaderTarget.source() : member.source();
    }
}
