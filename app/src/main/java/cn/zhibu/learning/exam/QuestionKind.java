package cn.zhibu.learning.exam;

import java.util.Locale;
import java.util.Optional;

/** The four kinds of question (stored in {@code question.kind}). */
public enum QuestionKind {
    SINGLE("单选题"),
    MULTIPLE("多选题"),
    TRUE_FALSE("判断题"),
    FILL("填空题");

    /** The options of every true/false question, in this order (never shuffled). */
    public static final java.util.List<String> TRUE_FALSE_OPTIONS = java.util.List.of("正确", "错误");

    private final String label;

    QuestionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Answered by choosing options (all but FILL). */
    public boolean choice() {
        return this != FILL;
    }

    /** By its Chinese label (单选题, or 单选) or its code, as an import cell holds it. */
    public static Optional<QuestionKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (QuestionKind k : values()) {
            if (k.label.equals(t) || k.label.substring(0, 2).equals(t) || k.name().equals(t.toUpperCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
