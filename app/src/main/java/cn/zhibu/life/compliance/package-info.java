/**
 * 组织生活考核 (RULES.md §3 B6–B11): whether each organization held what it must in each month, quarter and year,
 * computed from the meetings themselves — nobody fills in a report, and nothing ranks anyone.
 *
 * <h2>Rules</h2>
 * {@link cn.zhibu.life.compliance.Requirement} lists what is owed and by whom (主题党日, 支委会 with a committee of three
 * or more, 党小组会, 党员大会, the local quarterly 党课, 组织生活会, 民主评议党员, the 党委书记's yearly 党课);
 * {@link cn.zhibu.life.compliance.Proration} says which periods an organization founded or dissolved within them owes
 * (it existed on the period's last day, and for at least 15 days of it); {@link cn.zhibu.life.compliance.CompliancePolicy}
 * judges each requirement of each period (held, exempted, open, missed) from what was held, by the day held, and the
 * exemptions a higher committee granted.
 *
 * <h2>Roll-ups</h2>
 * Kept in the writing transaction by the module's {@link cn.zhibu.life.MeetingChangeListener} and by listeners to
 * organization changes: per organization, what it held per month and kind and its own facts (requirement met or
 * exempted, month all done); per ancestor, the same counted over its subtree plus series that say how many of its
 * organizations owe each month — appended as deltas and folded every second, so the heat map of a province reads a few
 * thousand rows. {@code ComplianceAudit} (test support) recounts everything from scratch.
 */
package cn.zhibu.life.compliance;
