/**
 * 学习教育 (RULES.md §7 T1–T2, §8 L1): the online party school — courses (articles, documents, video, audio) in
 * series, published to a subtree; study time the server vouches for (heartbeats credited by the server's clock,
 * never a duration the client reports); 学时 from courses, classes (培训班), 党课 and organizational life, each with
 * its source; annual targets as versioned data; transcripts others can verify; question banks, exams timed on the
 * server; a points ledger; and the views of the member, the secretary and the higher committee.
 */
package cn.zhibu.learning;
