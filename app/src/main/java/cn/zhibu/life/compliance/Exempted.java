package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;

/**
 * An exemption as the rules read it: one kind (null: every kind) for a period. A requirement's period lying within it
 * counts as exempted — a quarter's exemption covers its months and the quarter, not the year.
 */
public record Exempted(MeetingKind kind, CompliancePeriod period) {

    public boolean covers(Requirement requirement, CompliancePeriod due) {
        return (kind == null || kind == requirement.kind()) && due.within(period);
    }
}
