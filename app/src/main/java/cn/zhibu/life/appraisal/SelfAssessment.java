package cn.zhibu.life.appraisal;

import java.time.Instant;

/** A participant's 个人自评. */
public record SelfAssessment(long memberId, String name, String text, Instant writtenAt) {
}
