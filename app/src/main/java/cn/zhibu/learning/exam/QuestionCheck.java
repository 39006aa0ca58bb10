package cn.zhibu.learning.exam;

import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.input.TextKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one check of a question, for the form, the API and each imported row alike: the errors name the draft's fields
 * ({@code kind}, {@code topic}, {@code stem}, {@code options}, {@code answer}, {@code explanation}, {@code score}).
 */
public final class QuestionCheck {

    public static final int TOPIC_LIMIT = 50;
    public static final int STEM_LIMIT = 1000;
    public static final int OPTION_LIMIT = 200;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 8;
    public static final int MAX_ACCEPTED = 10;
    private static final Set<String> TRUE = Set.of("正确", "对", "是", "√", "T", "TRUE", "Y");
    private static final Set<String> FALSE = Set.of("错误", "错", "否", "×", "F", "FALSE", "N");

    /** A question that passed the check, ready to store. */
    public record Checked(QuestionKind kind, String topic, String stem, List<String> options, List<Integer> correct,
                          List<String> accepted, String explanation, int score) {
    }

    private QuestionCheck() {
    }

    /** The checked question; refused with every reason, field by field. */
    public static Checked check(QuestionDraft d) {
        FieldErrors errors = new FieldErrors();
        Checked checked = check(d, errors);
        errors.throwIfAny();
        return checked;
    }

    private static Checked check(QuestionDraft d, FieldErrors errors) {
        QuestionKind kind = d.kind();
        if (kind == null) {
            errors.reject("kind", "请选择题型（单选题、多选题、判断题、填空题）");
        }
        String topic = text(errors, "topic", "知识点", d.topic(), TextKind.SHORT, TOPIC_LIMIT, true);
        String stem = text(errors, "stem", "题干", d.stem(), TextKind.NOTE, STEM_LIMIT, true);
        String explanation = text(errors, "explanation", "解析", d.explanation(), TextKind.NOTE, 1000, false);
        int score = d.score() == null ? 1 : d.score();
        if (score < 1 || score > 100) {
            errors.reject("score", "分值应为1至100的整数");
        }
        List<String> options = List.of();
        List<Integer> correct = List.of();
        List<String> accepted = List.of();
        String answer = d.answer() == null ? "" : TextKind.normalize(d.answer());
        if (kind == QuestionKind.SINGLE || kind == QuestionKind.MULTIPLE) {
            options = options(d.options(), errors);
            correct = letters(answer, kind, options.size(), errors);
        } else if (kind == QuestionKind.TRUE_FALSE) {
            options = QuestionKind.TRUE_FALSE_OPTIONS;
            String a = answer.toUpperCase(Locale.ROOT);
            if (answer.isEmpty()) {
                errors.reject("answer", "请填写答案：正确或错误");
            } else if (TRUE.contains(a)) {
                correct = List.of(0);
            } else if (FALSE.contains(a)) {
                correct = List.of(1);
            } else {
                errors.reject("answer", "判断题的答案应为“正确”或“错误”");
            }
        } else if (kind == QuestionKind.FILL) {
            accepted = accepted(answer, errors);
        }
        return errors.isEmpty() ? new Checked(kind, topic, stem, options, correct, accepted, explanation, score) : null;
    }

    private static String text(FieldErrors errors, String field, String label, String value, TextKind kind, int limit,
                               boolean required) {
        String v = TextKind.normalize(value);
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.reject(field, "请填写" + label);
            }
            return null;
        }
        String problem = kind.problem(label, v);
        if (problem == null && v.codePointCount(0, v.length()) > limit) {
            problem = label + "不能超过" + limit + "个字（现有" + v.codePointCount(0, v.length()) + "个字）";
        }
        if (problem != null) {
            errors.reject(field, problem);
            return null;
        }
        return v;
    }

    private static List<String> options(List<String> raw, FieldErrors errors) {
        List<String> options = new ArrayList<>();
        if (raw != null) {
            for (String o : raw) {
                String v = TextKind.normalize(o);
                if (v != null && !v.isEmpty()) {
                    String problem = TextKind.SHORT.problem("选项" + (char) ('A' + options.size()), v);
                    if (problem == null && v.codePointCount(0, v.length()) > OPTION_LIMIT) {
                        problem = "选项" + (char) ('A' + options.size()) + "不能超过" + OPTION_LIMIT + "个字";
                    }
                    if (problem != null) {
                        errors.reject("options", problem);
                        return List.of();
                    }
                    options.add(v);
                }
            }
        }
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            errors.reject("options", "选择题应有" + MIN_OPTIONS + "至" + MAX_OPTIONS + "个选项（现有" + options.size() + "个）");
            return List.of();
        }
        if (new java.util.HashSet<>(options).size() < options.size()) {
            errors.reject("options", "选项不能重复");
        }
        return List.copyOf(options);
    }

    /** Option letters (A–H, any case, full-width too, separators ignored) into indexes. */
    private static List<Integer> letters(String answer, QuestionKind kind, int optionCount, FieldErrors errors) {
        if (answer.isEmpty()) {
            errors.reject("answer", "请填写答案（选项字母，如 " + (kind == QuestionKind.SINGLE ? "B" : "ACD") + "）");
            return List.of();
        }
        TreeSet<Integer> picked = new TreeSet<>();
        String a = java.text.Normalizer.normalize(answer, java.text.Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (c - 'A' >= optionCount) {
                    errors.reject("answer", "答案“" + c + "”不在选项中（共" + optionCount + "个选项：A–" + (char) ('A' + optionCount - 1) + "）");
                    return List.of();
                }
                picked.add(c - 'A');
            } else if (",，、 ;；".indexOf(c) < 0) {
                errors.reject("answer", "答案应为选项字母，如 " + (kind == QuestionKind.SINGLE ? "B" : "ACD"));
                return List.of();
            }
        }
        if (optionCount == 0) {
            return List.of();
        }
        if (kind == QuestionKind.SINGLE && picked.size() != 1) {
            errors.reject("answer", "单选题的答案应为一个选项字母");
            return List.of();
        }
        if (kind == QuestionKind.MULTIPLE && picked.size() < 2) {
            errors.reject("answer", "多选题的答案应至少有两个选项");
            return List.of();
        }
        return List.copyOf(picked);
    }

    private static List<String> accepted(String answer, FieldErrors errors) {
        List<String> accepted = new ArrayList<>();
        for (String part : answer.split("[|｜]")) {
            String v = TextKind.normalize(part);
            if (!v.isEmpty()) {
                String problem = TextKind.SHORT.problem("答案", v);
                if (problem != null) {
                    errors.reject("answer", problem);
                    return List.of();
                }
                accepted.add(v);
            }
        }
        if (accepted.isEmpty()) {
            errors.reject("answer", "请填写答案；有几种正确写法时用“|”分隔");
        } else if (accepted.size() > MAX_ACCEPTED) {
            errors.reject("answer", "填空题至多" + MAX_ACCEPTED + "种正确写法");
            return List.of();
        }
        return List.copyOf(accepted);
    }
}
