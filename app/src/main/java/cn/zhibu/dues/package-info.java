/**
 * 党费 (RULES.md §2, F1–F8): each member's monthly dues computed from their base by the rules ({@link DuesRules}),
 * billed month by month, paid on the phone or recorded by the branch, accounted in a ledger that is never edited
 * (corrections are reversing entries), and rolled up the tree with every payment.
 */
package cn.zhibu.dues;
