/**
 * 党务公开: notices the party organizations publish to their members. For now the 公示 — a notice open for a number
 * of working days during which members of the publishing organization's subtree may comment — which the admission
 * workflow uses (RULES.md D5).
 */
package cn.zhibu.publishing;
