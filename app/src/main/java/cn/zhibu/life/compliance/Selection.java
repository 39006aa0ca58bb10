package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.internal.RollupRows;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a heat map cell or a behind list counts: every requirement falling due in a month (organizations that met all
 * of them, among those owing any), or one kind's (organizations that held or were exempted from it, among those owing
 * it). Reads the roll-up's running {@code REQ:} series for who owes and the month's facts for who met.
 */
final class Selection {

    private final MeetingKind kind;
    private final boolean lectureQuarterly;
    private final List<Requirement> requirements;

    private Selection(MeetingKind kind, boolean lectureQuarterly) {
        this.kind = kind;
        this.lectureQuarterly = lectureQuarterly;
        this.requirements = Requirement.inForce(lectureQuarterly).stream()
                .filter(r -> kind == null || r.kind() == kind).toList();
    }

    static Selection of(MeetingKind kind, boolean lectureQuarterly) {
        return new Selection(kind, lectureQuarterly);
    }

    MeetingKind kind() {
        return kind;
    }

    String kindLabel() {
        return kind == null ? "全部要求" : kind.label();
    }

    /** The requirements of the selection whose period ends in the month. */
    List<Requirement> endingIn(YearMonth month) {
        return requirements.stream()
                .filter(r -> CompliancePeriod.containing(r.period(), month).lastMonth().equals(month)).toList();
    }

    Set<String> series() {
        Set<String> series = new LinkedHashSet<>();
        if (kind == null) {
            series.addAll(List.of(Holder.BRANCH.series(), Holder.GROUP.series(), Holder.PARTY.series()));
        } else {
            requirements.forEach(r -> series.add(r.holder().series()));
        }
        return series;
    }

    Set<String> metrics() {
        Set<String> metrics = new LinkedHashSet<>();
        if (kind == null) {
            metrics.addAll(List.of(CompliancePolicy.OK, CompliancePolicy.OK_WITHOUT_LOCAL));
        } else {
            requirements.forEach(r -> metrics.addAll(List.of(r.metMetric(), r.exemptMetric())));
        }
        return metrics;
    }

    /**
     * Organizations of the subtree owing something of the selection in the month. With every requirement: branches
     * and 党小组 owe every month they exist in, 党委 only in December (the 书记's yearly 党课).
     */
    int due(RollupRows rows, long orgId, YearMonth month) {
        if (kind == null) {
            int due = rows.running(orgId, Holder.BRANCH.series(), month) + rows.running(orgId, Holder.GROUP.series(), month);
            return month.getMonthValue() == 12 ? due + rows.running(orgId, Holder.PARTY.series(), month) : due;
        }
        int due = 0;
        for (Requirement r : endingIn(month)) {
            due += rows.running(orgId, r.holder().series(), month);
        }
        return due;
    }

    /** Organizations of the subtree that satisfied what they owed of the selection in the month. */
    int met(RollupRows rows, long orgId, YearMonth month) {
        if (kind == null) {
            return rows.value(orgId, CompliancePolicy.okMetric(month, lectureQuarterly), month);
        }
        int met = 0;
        for (Requirement r : endingIn(month)) {
            YearMonth first = CompliancePeriod.containing(r.period(), month).first();
            met += rows.value(orgId, r.metMetric(), first) + rows.value(orgId, r.exemptMetric(), first);
        }
        return met;
    }

    List<Requirement> requirements() {
        return new ArrayList<>(requirements);
    }
}
