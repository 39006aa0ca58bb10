package cn.zhibu.member;

import java.time.LocalDate;

/**
 * What anyone who scans a 组织关系介绍信's QR code may learn: that the letter is genuine, its number, the holder's
 * surname only, the two organizations, and whether it is still in force.
 */
public record LetterCheck(String letterNo, String holder, String fromOrgName, String toOrgName, TransferStatus status,
                          LocalDate issuedOn, LocalDate validUntil) {

    public boolean inForce() {
        return status == TransferStatus.IN_PROGRESS;
    }
}
