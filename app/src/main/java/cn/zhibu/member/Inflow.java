package cn.zhibu.member;

import java.time.LocalDate;

/** A member of another organization living here (流入流动党员), registered by the organization where they live. */
public record Inflow(long id, long orgId, String orgName, String name, String homeOrg, LocalDate arrivedOn,
                     String contact, String certificateNo, LocalDate leftOn) {

    /** E2 (R3): a 活动证 holder joins activities here but cannot vote or stand for election here. */
    public boolean votesHere() {
        return false;
    }
}
