package cn.zhibu.learning.exam;

/**
 * How an exam draws: {@code count} questions of {@code kind} on {@code topic} (either may be null: any) from a bank,
 * {@code score} points each.
 */
public record ExamRule(long bankId, String topic, QuestionKind kind, int count, int score) {

    /** The rule as people read it, e.g. “单选题·党章 5道×2分”. */
    public String describe() {
        return (kind == null ? "任意题型" : kind.label()) + "·" + (topic == null ? "全部知识点" : topic) + " " + count
                + "道×" + score + "分";
    }
}
