package cn.zhibu.member;

/**
 * A member on an organization's roll on a given day: who they are, where they are registered, and whether they have a
 * vote then (E2: a 正式党员 by that day, not under 留党察看). For the invitation lists of meetings.
 */
public record RollMember(long id, String name, long orgId, MemberStatus status, boolean voting) {
}
