package cn.zhibu.learning.exam;

import java.time.Instant;
import java.util.List;

/**
 * An exam, or a daily quiz ({@code daily}: one attempt a member a day, its rules draw from one bank), as a manager
 * sees it.
 *
 * @param audience          SUBTREE (the organization's subtree) or EVERYONE
 * @param status            DRAFT, PUBLISHED or WITHDRAWN
 * @param reviewAfterLast   answers and key reviewable after the member's last attempt (else after the exam closes)
 * @param partialCredit     a multiple choice earns part of its score for some right options and no wrong one
 */
public record Exam(long id, long orgId, String orgName, String orgPath, boolean daily, String title,
                   String description, String audience, String status, Instant opensAt, Instant closesAt,
                   int timeLimitMinutes, int maxAttempts, int passMark, boolean partialCredit,
                   boolean reviewAfterLast, List<ExamRule> rules, String createdBy) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String WITHDRAWN = "WITHDRAWN";

    public Exam {
        rules = List.copyOf(rules);
    }

    public int maxScore() {
        return rules.stream().mapToInt(r -> r.count() * r.score()).sum();
    }

    public int questionCount() {
        return rules.stream().mapToInt(ExamRule::count).sum();
    }

    public boolean openAt(Instant now) {
        return PUBLISHED.equals(status) && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean closedAt(Instant now) {
        return !now.isBefore(closesAt) || WITHDRAWN.equals(status);
    }

    public String statusLabel(Instant now) {
        return switch (status) {
            case DRAFT -> "草稿";
            case WITHDRAWN -> "已撤回";
            default -> now.isBefore(opensAt) ? "未开始" : now.isBefore(closesAt) ? "进行中" : "已结束";
        };
    }
}
