package cn.zhibu.learning.exam;

import java.util.List;

/**
 * A question as typed or imported, before it is checked ({@link QuestionCheck}).
 *
 * @param options the options of a choice question (ignored for TRUE_FALSE and FILL)
 * @param answer  SINGLE: one letter (B); MULTIPLE: letters (ACD); TRUE_FALSE: 正确/错误 (or 对/错, √/×, T/F);
 *                FILL: the accepted answers separated by | or ｜
 * @param score   the default score (a draw rule may give another)
 */
public record QuestionDraft(QuestionKind kind, String topic, String stem, List<String> options, String answer,
                            String explanation, Integer score) {
}
