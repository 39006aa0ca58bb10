package cn.zhibu.learning.study;

/**
 * What one accepted beat did: the next one-time token, the seconds it credited (0 when early, hidden, or a cap is
 * reached), the course's credited and needed seconds, whether the course is completed, today's room left (seconds)
 * and when to beat next.
 */
public record StudyBeat(String token, int credited, int courseCredited, int courseSeconds, boolean completed,
                        int dailyRemaining, int beatSeconds) {
}
