package cn.zhibu.member;

/** A 正式党员 with the right to vote on a given day (D9, E2). */
public record VotingMember(long id, String name) {
}
