package cn.zhibu.member;

import java.time.LocalDate;

/**
 * A record out of the registry as the caller may see it: the member as last registered ({@code member.status()} is
 * the status held before), where it stands now and since when.
 */
public record ArchivedMember(Member member, ArchiveStatus status, StatusChangeKind kind, LocalDate archivedOn) {

    /** 党龄 in whole years up to the change (D10: from the day of becoming full); 0 if never full. */
    public int partyYears() {
        LocalDate from = member.convertedOn();
        return from == null || from.isAfter(archivedOn) ? 0 : java.time.Period.between(from, archivedOn).getYears();
    }

    /** R5: a suspended record may be restored before this day; from it on, 除名 is due. */
    public LocalDate removalDue() {
        return status == ArchiveStatus.SUSPENDED ? MembershipRules.removalDue(archivedOn) : null;
    }
}
