package cn.zhibu.member;

import java.time.YearMonth;
import java.util.Optional;

/**
 * 党费交至 for the 组织关系介绍信, from the dues ledger (declared here, implemented by the dues module, so the member
 * module does not depend on dues): the last month M such that every bill up to M is paid or waived, months paid ahead
 * included. Empty when the member has no bills yet: then the sender may type the month.
 */
public interface DuesPaidThrough {

    Optional<YearMonth> paidThrough(long memberId);
}
