package cn.zhibu.generator;

/**
 * A slice of one county's branches whose members one worker generates in one go, from its own random stream, so
 * the result does not depend on which thread runs it or when.
 *
 * @param region        the county's 6-digit region code, for the 身份证号
 * @param block         the chunk's number within its county (0–9), which keeps 身份证号 of chunks apart
 * @param holders       indexes of the member-holding organizations, in tree order
 * @param firstMemberId id of the chunk's first member; ids run on without gaps
 * @param lastOfCounty  whether the county's roll-ups are complete once this chunk is counted
 */
record MemberChunk(int index, PlannedOrg county, String region, int block, int[] holders, long firstMemberId,
                   int members, boolean lastOfCounty) {
}
