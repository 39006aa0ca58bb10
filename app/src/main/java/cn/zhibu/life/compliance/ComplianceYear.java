package cn.zhibu.life.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * An organization's year at a glance: each requirement it can owe, period by period (held, exempted, still to do,
 * missed, not asked), with attendance and late records; what must still happen before the running periods end; its
 * 党小组' monthly meetings (a branch's view shows its groups); the exemptions granted to it.
 *
 * @param monthly   requirements counted by month (主题党日, 支委会, 党小组会), twelve cells each
 * @param quarterly requirements counted by quarter (党员大会, 党课), four cells each
 * @param yearly    requirements counted by year (组织生活会, 民主评议党员, 党委书记讲党课), one cell each
 * @param notes     why a requirement is not asked here (no 支委会, local 党课 switched off …), in Chinese
 * @param mayExempt the caller is a higher committee of this organization and may exempt it
 */
public record ComplianceYear(long orgId, String orgName, String orgType, int year, LocalDate today,
                             List<ComplianceRequirementRow> monthly, List<ComplianceRequirementRow> quarterly,
                             List<ComplianceRequirementRow> yearly, List<ComplianceStillDue> stillDue,
                             List<ComplianceGroupRow> groups, List<ComplianceExemption> exemptions, List<String> notes,
                             boolean mayExempt) {

    /** One requirement over the year. */
    public record ComplianceRequirementRow(String requirement, String kind, String label, String rule, String frequency,
                                           boolean local, List<ComplianceCell> cells) {
    }

    /**
     * One requirement in one period.
     *
     * @param status            MET, EXEMPT, OPEN, MISSED, UPCOMING or NOT_APPLICABLE
     * @param attendancePercent attended of invited, rounded down; null when nobody was invited
     * @param late              meetings of the period recorded late (补录), counted by the day held
     * @param dueOn             the period's last day
     */
    public record ComplianceCell(String period, String periodLabel, String status, String statusLabel, int meetings,
                                 int invited, int attended, Integer attendancePercent, int late, String exemptionReason,
                                 LocalDate dueOn) {

        public boolean satisfied() {
            return "MET".equals(status) || "EXEMPT".equals(status);
        }
    }

    /** Something owed in a running period and not yet held: to do by {@code dueOn}. */
    public record ComplianceStillDue(long orgId, String orgName, String requirement, String label, String rule,
                                     String period, String periodLabel, LocalDate dueOn, long daysLeft) {
    }

    /** A 党小组 of the branch and its monthly 党小组会 (B8, the group's own). */
    public record ComplianceGroupRow(long orgId, String name, List<ComplianceCell> cells) {
    }
}
