package cn.zhibu.learning.views;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of an organization's members behind (RULES.md T1): on a required course past its due date, or on 学时
 * below the pace of the year; keyset-paged ({@code next}: the cursor of the following page, null on the last).
 */
public record LearningBehindPage(long orgId, String orgName, boolean hasChildren, int year, LocalDate today,
                                 List<LearningBehindMember> items, String next) {
}
