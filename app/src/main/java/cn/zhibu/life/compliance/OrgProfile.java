package cn.zhibu.life.compliance;

import cn.zhibu.organization.OrganizationType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What an organization must answer for: its class and the months whose periods it owes ({@link Proration}), and for a
 * branch with a 支委会 the month from which its committee meetings are due.
 *
 * @param dueFrom       first month owed
 * @param dueUntil      first month no longer owed (dissolved); null while it exists
 * @param committeeFrom first month a 支委会 is owed (B7); null when the branch has none
 */
public record OrgProfile(ComplianceClass cls, YearMonth dueFrom, YearMonth dueUntil, YearMonth committeeFrom) {

    /**
     * B4, B7: a branch has a 支委会 when its current committee has at least 3 members; with fewer than 7 full members it
     * has only a 书记 (and perhaps a 副书记), and no committee meetings are asked of it.
     */
    public static final int COMMITTEE_MIN_SEATS = 3;

    /**
     * @param currentSeats    members of the current committee
     * @param firstTermStart  the start of the organization's first registered committee term (支委会 are owed from then,
     *                        prorated like a founding), null if none
     */
    public static OrgProfile of(OrganizationType type, LocalDate founded, LocalDate dissolved, int currentSeats,
                                LocalDate firstTermStart) {
        ComplianceClass cls = ComplianceClass.of(type);
        YearMonth from = Proration.firstDueMonth(founded);
        YearMonth committee = null;
        if (cls == ComplianceClass.BRANCH && currentSeats >= COMMITTEE_MIN_SEATS && firstTermStart != null) {
            YearMonth since = Proration.firstDueMonth(firstTermStart);
            committee = since.isBefore(from) ? from : since;
        }
        return new OrgProfile(cls, from, Proration.firstMonthNotDue(dissolved), committee);
    }

    /** Whether the organization owes the periods of {@code holder} that end in {@code month}. */
    public boolean holds(Holder holder, YearMonth month) {
        return switch (holder) {
            case BRANCH -> cls == ComplianceClass.BRANCH && owes(dueFrom, month);
            case COMMITTEE -> cls == ComplianceClass.BRANCH && committeeFrom != null && owes(committeeFrom, month);
            case GROUP -> cls == ComplianceClass.GROUP && owes(dueFrom, month);
            case PARTY -> cls == ComplianceClass.PARTY && owes(dueFrom, month);
        };
    }

    /** Whether the requirement is due for the period (the period's last month lies within the owed months). */
    public boolean owes(Requirement requirement, CompliancePeriod period) {
        return requirement.period() == period.type() && holds(requirement.holder(), period.lastMonth());
    }

    /** The requirement could ever apply here (支委会 only with a committee, 党小组会 only in a 党小组). */
    public boolean canHold(Requirement requirement) {
        return switch (requirement.holder()) {
            case BRANCH -> cls == ComplianceClass.BRANCH;
            case COMMITTEE -> cls == ComplianceClass.BRANCH && committeeFrom != null;
            case GROUP -> cls == ComplianceClass.GROUP;
            case PARTY -> cls == ComplianceClass.PARTY;
        };
    }

    private boolean owes(YearMonth from, YearMonth month) {
        return !month.isBefore(from) && (dueUntil == null || month.isBefore(dueUntil));
    }

    /** One step of the roll-up's series: +1 in the first month owed, −1 in the first month no longer owed. */
    public record SeriesStep(String metric, YearMonth month, int n) {
    }

    /** What this profile adds to its ancestors' {@code REQ:} series. */
    public List<SeriesStep> series() {
        List<SeriesStep> steps = new ArrayList<>();
        Holder holder = switch (cls) {
            case BRANCH -> Holder.BRANCH;
            case GROUP -> Holder.GROUP;
            case PARTY -> Holder.PARTY;
            case NONE -> null;
        };
        if (holder != null) {
            window(steps, holder, dueFrom);
        }
        if (committeeFrom != null) {
            window(steps, Holder.COMMITTEE, committeeFrom);
        }
        return steps;
    }

    private void window(List<SeriesStep> steps, Holder holder, YearMonth from) {
        if (dueUntil != null && !dueUntil.isAfter(from)) {
            return; // never owed anything
        }
        steps.add(new SeriesStep(holder.series(), from, 1));
        if (dueUntil != null) {
            steps.add(new SeriesStep(holder.series(), dueUntil, -1));
        }
    }
}
