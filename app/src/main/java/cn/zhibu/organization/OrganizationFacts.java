package cn.zhibu.organization;

import java.time.LocalDate;

/**
 * What the B-rules need to know about one organization.
 *
 * @param fullMembers          正式党员 in the organization's subtree
 * @param allMembers           正式 and 预备党员 in the subtree
 * @param secretaryFullSince   the secretary's 转正 date (党龄 starts there, D10); null if not on the roster or
 *                             not yet a full member
 * @param secretaryProbationary the secretary is on the roster as a 预备党员 (no 党龄 at all)
 */
public record OrganizationFacts(Organization organization, int fullMembers, int allMembers, Committee committee,
                                LocalDate secretaryFullSince, boolean secretaryProbationary) {
}
