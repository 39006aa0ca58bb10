package cn.zhibu.learning.study;

/**
 * A study session begun: its id, the one-time token the first beat must carry, how often to beat, and where the
 * member stands on the course (seconds credited of the seconds it needs, where playback was, today's room left).
 */
public record StudyStarted(long sessionId, String token, int beatSeconds, int courseCredited, int courseSeconds,
                           int positionSeconds, boolean completed, int dailyRemaining, boolean tookOver) {
}
