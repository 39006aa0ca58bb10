/**
 * 学习教育, the views: the {@code /learning} landing by role, a member's own learning (what is due, progress, 学时
 * against the year's target), a branch's members behind (required courses overdue, 学时 behind pace) with reminders
 * into their inboxes, and a higher committee's roll-up per child organization from {@code study_rollup}. Reads the
 * shared V40 tables only; writes only its reminders ({@code learning_reminder}, V46).
 */
package cn.zhibu.learning.views;
