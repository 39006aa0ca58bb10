/**
 * 组织生活 (RULES.md §3 B6–B11, §6 P1–P2): 三会一课, 主题党日, 组织生活会, 民主评议党员 and 谈心谈话 — planned,
 * attended, recorded, and checked against the rules. Compliance is computed from the meetings themselves: nobody
 * fills in a monthly report, and nothing ranks people by default.
 */
package cn.zhibu.life;
