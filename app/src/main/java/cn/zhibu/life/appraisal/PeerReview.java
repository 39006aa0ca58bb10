package cn.zhibu.life.appraisal;

import java.time.Instant;

/** What one participant wrote of another in the 党员互评 (signed: the 民主测评 is the anonymous part). */
public record PeerReview(long authorId, String authorName, long subjectId, String subjectName, String text,
                         Instant writtenAt) {
}
