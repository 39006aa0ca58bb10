package cn.zhibu.life.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * A committee's subtree month by month: for each direct child, the share of its subtree's organizations that met what
 * fell due in the month (every requirement, or one kind's), as a number and in words, never by colour alone.
 * Organizations are listed in the tree's order; nothing is ranked.
 *
 * @param kind  the kind selected (null: every requirement)
 * @param total the organization itself over its whole subtree
 */
public record ComplianceHeatMap(long orgId, String orgName, int year, String kind, String kindLabel, LocalDate today,
                                boolean lectureQuarterly, List<ComplianceHeatMapRow> rows, ComplianceHeatMapRow total) {

    /**
     * One organization and its subtree.
     *
     * @param drillable it has organizations below it: a click opens its own heat map (else its year)
     */
    public record ComplianceHeatMapRow(long orgId, String name, String typeLabel, boolean active, boolean drillable,
                                       List<ComplianceHeatMapCell> cells) {
    }

    /**
     * One month.
     *
     * @param state   NONE (nothing fell due), FUTURE (not yet due), OPEN (the month is running), CLOSED
     * @param due     organizations owing something of the selection that month
     * @param met     of them, those that held it or were exempted
     * @param percent met of due, rounded down; null when nothing was due
     * @param text    the cell in words, e.g. "85%（17/20）" or "未到期"
     */
    public record ComplianceHeatMapCell(int month, String state, int due, int met, Integer percent, String text) {

        /** A shade from 0 (none met) to 4 (all met), for the colour that goes with the text; -1 without a share. */
        public int band() {
            if (percent == null || "FUTURE".equals(state)) {
                return -1;
            }
            return percent >= 100 ? 4 : percent >= 90 ? 3 : percent >= 70 ? 2 : percent >= 40 ? 1 : 0;
        }
    }
}
