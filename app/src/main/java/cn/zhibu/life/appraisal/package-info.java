/**
 * 民主评议党员 (RULES.md P1, P2, B11): a branch's yearly appraisal of its members in P1's order — 个人自评, 党员互评, the
 * anonymous 民主测评, and the grades proposed by the 支委会 or 党员大会 within P2's quota of 优秀 — which, once complete,
 * counts as the branch's 民主评议 of the year through a meeting of the kind APPRAISAL.
 */
package cn.zhibu.life.appraisal;
