/**
 * 党员积分 (RULES.md L1): the scheme as data (per year and organization; 基础分 deductions only, 任务分, 奖励分 with
 * their maxima, points per action) and a ledger per member — every point with its reason, never edited, corrections
 * as reversing rows — fed by completed courses, passed exams, the daily quiz and completed classes, and by the
 * secretary's deductions and rewards. Leaderboards only when {@code zhibu.learning.leaderboards} is on.
 */
@org.springframework.modulith.NamedInterface("points")
package cn.zhibu.learning.points;
