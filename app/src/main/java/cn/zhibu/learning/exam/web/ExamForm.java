package cn.zhibu.learning.exam.web;

import cn.zhibu.learning.exam.Exam;
import cn.zhibu.learning.exam.ExamDraft;
import cn.zhibu.learning.exam.ExamRule;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The exam (or daily quiz) form as posted: a bean, so the draw rules bind as rows ({@code rules[0].bankId}, …) that
 * the page adds and removes; a row left wholly empty is dropped before saving.
 */
public class ExamForm {

    private Long orgId;
    @NameText("名称")
    private String title;
    @NoteText("说明")
    private String description;
    private boolean everyone;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime opensAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime closesAt;
    private Integer timeLimitMinutes;
    private Integer maxAttempts;
    private Integer passMark;
    private boolean partialCredit;
    private boolean reviewAfterLast;
    private List<@Valid Rule> rules = new ArrayList<>();

    /** One draw rule: {@code count} questions of {@code kind} on {@code topic} (blank: any) from a bank, {@code score} each. */
    public static class Rule {
        private Long bankId;
        @ShortText("知识点")
        private String topic;
        private QuestionKind kind;
        private Integer count;
        private Integer score;

        boolean blank() {
            return bankId == null && (topic == null || topic.isBlank()) && kind == null && count == null;
        }

        ExamRule rule() {
            return new ExamRule(bankId == null ? 0 : bankId, topic == null || topic.isBlank() ? null : topic.strip(),
                    kind, count == null ? 0 : count, score == null ? 0 : score);
        }

        static Rule of(ExamRule r) {
            Rule row = new Rule();
            row.bankId = r.bankId();
            row.topic = r.topic();
            row.kind = r.kind();
            row.count = r.count();
            row.score = r.score();
            return row;
        }

        static Rule empty() {
            Rule row = new Rule();
            row.score = 1;
            return row;
        }

        public Long getBankId() { return bankId; }
        public void setBankId(Long bankId) { this.bankId = bankId; }
        public String getTopic() { return topic; }
        public void setTopic(String topic) { this.topic = topic; }
        public QuestionKind getKind() { return kind; }
        public void setKind(QuestionKind kind) { this.kind = kind; }
        public Integer getCount() { return count; }
        public void setCount(Integer count) { this.count = count; }
        public Integer getScore() { return score; }
        public void setScore(Integer score) { this.score = score; }
    }

    /** A new exam: open from the next hour for a week, one try of 30 minutes, one empty rule. */
    static ExamForm fresh(Long orgId, boolean daily, Clock clock) {
        ExamForm f = new ExamForm();
        f.orgId = orgId;
        f.opensAt = LocalDateTime.ofInstant(clock.instant(), PlatformClock.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        f.closesAt = f.opensAt.plusDays(daily ? 30 : 7);
        f.timeLimitMinutes = 30;
        f.maxAttempts = 1;
        f.rules.add(Rule.empty());
        return f;
    }

    static ExamForm of(Exam e) {
        ExamForm f = new ExamForm();
        f.orgId = e.orgId();
        f.title = e.title();
        f.description = e.description();
        f.everyone = "EVERYONE".equals(e.audience());
        f.opensAt = LocalDateTime.ofInstant(e.opensAt(), PlatformClock.ZONE);
        f.closesAt = LocalDateTime.ofInstant(e.closesAt(), PlatformClock.ZONE);
        f.timeLimitMinutes = e.timeLimitMinutes();
        f.maxAttempts = e.maxAttempts();
        f.passMark = e.passMark();
        f.partialCredit = e.partialCredit();
        f.reviewAfterLast = e.reviewAfterLast();
        e.rules().forEach(r -> f.rules.add(Rule.of(r)));
        return f;
    }

    /** Drops the rows left wholly empty (so the errors' row numbers match the rows shown again). */
    void dropBlankRules() {
        rules.removeIf(r -> r == null || r.blank());
    }

    ExamDraft draft(boolean daily) {
        return new ExamDraft(orgId, daily, title, description, everyone, opensAt, closesAt, timeLimitMinutes,
                maxAttempts, passMark, partialCredit, reviewAfterLast, rules.stream().map(Rule::rule).toList());
    }

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isEveryone() { return everyone; }
    public void setEveryone(boolean everyone) { this.everyone = everyone; }
    public LocalDateTime getOpensAt() { return opensAt; }
    public void setOpensAt(LocalDateTime opensAt) { this.opensAt = opensAt; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public void setClosesAt(LocalDateTime closesAt) { this.closesAt = closesAt; }
    public Integer getTimeLimitMinutes() { return timeLimitMinutes; }
    public void setTimeLimitMinutes(Integer timeLimitMinutes) { this.timeLimitMinutes = timeLimitMinutes; }
    public Integer getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
    public Integer getPassMark() { return passMark; }
    public void setPassMark(Integer passMark) { this.passMark = passMark; }
    public boolean isPartialCredit() { return partialCredit; }
    public void setPartialCredit(boolean partialCredit) { this.partialCredit = partialCredit; }
    public boolean isReviewAfterLast() { return reviewAfterLast; }
    public void setReviewAfterLast(boolean reviewAfterLast) { this.reviewAfterLast = reviewAfterLast; }
    public List<Rule> getRules() { return rules; }
    public void setRules(List<Rule> rules) { this.rules = rules; }
}
