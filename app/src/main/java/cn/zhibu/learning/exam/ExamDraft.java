package cn.zhibu.learning.exam;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An exam or daily quiz to save as a draft. Times are China Standard Time. A daily quiz takes one rule (its bank and
 * how many questions a day); its time limit and attempts are not used (one attempt a day, until the day ends).
 */
public record ExamDraft(Long orgId, boolean daily, String title, String description, boolean everyone,
                        LocalDateTime opensAt, LocalDateTime closesAt, Integer timeLimitMinutes,
                        Integer maxAttempts, Integer passMark, boolean partialCredit, boolean reviewAfterLast,
                        List<ExamRule> rules) {
}
