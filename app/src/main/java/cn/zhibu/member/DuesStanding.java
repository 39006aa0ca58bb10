package cn.zhibu.member;

/**
 * What the registry needs to know of a member's dues, declared here and implemented by the dues module (the member
 * module may not depend on it): R6's 除名 ground "无正当理由连续6个月不交纳党费" (第三十一条; F8, 中组发〔2008〕3号
 * 第十三条) is a fact of the ledger, not the branch's word. Without an implementation (the member module's own
 * tests) the ground is taken as the branch states it.
 */
public interface DuesStanding {

    /** The member's current run of consecutive months unpaid without a recorded justification; 0 when none. */
    int consecutiveUnpaidMonths(long memberId);
}
