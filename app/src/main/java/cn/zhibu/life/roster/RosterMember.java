package cn.zhibu.life.roster;

import cn.zhibu.member.MemberStatus;

/** A member of a branch as the life module's parts need them: who, and whether 正式 or 预备. */
public record RosterMember(long id, String name, MemberStatus status) {

    /** 正式党员: graded in the 民主评议 (P2) and counted in its base. */
    public boolean full() {
        return status == MemberStatus.FULL;
    }
}
