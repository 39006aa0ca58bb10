package cn.zhibu.learning.exam;

import java.time.Instant;

/** A question bank of an organization, with how many questions it holds (active ones). */
public record QuestionBank(long id, long orgId, String orgName, String orgPath, String name, String description,
                           int questionCount, String createdBy, Instant createdAt) {
}
