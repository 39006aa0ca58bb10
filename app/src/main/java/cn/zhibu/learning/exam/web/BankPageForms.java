package cn.zhibu.learning.exam.web;

import cn.zhibu.learning.exam.Question;
import cn.zhibu.learning.exam.QuestionDraft;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;

import java.util.Arrays;
import java.util.List;

/** What the bank pages post. */
final class BankPageForms {

    private BankPageForms() {
    }

    /** A bank: its organization (when created), name and description. */
    record BankForm(Long orgId, @NameText("题库名称") String name, @NoteText("说明") String description) {
    }

    /** A question as the form has it: the options one a line; the answer as the import template has it. */
    record QuestionForm(QuestionKind kind, @ShortText("知识点") String topic, @NoteText("题干") String stem,
                        @NoteText("选项") String options, @ShortText("答案") String answer,
                        @NoteText("解析") String explanation, Integer score) {

        QuestionDraft draft() {
            List<String> lines = options == null ? List.of() : Arrays.stream(options.split("\\R"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new QuestionDraft(kind, topic, stem, lines, answer, explanation, score);
        }

        static QuestionForm empty() {
            return new QuestionForm(QuestionKind.SINGLE, null, null, null, null, null, 1);
        }

        static QuestionForm of(Question q) {
            return new QuestionForm(q.kind(), q.topic(), q.stem(), q.kind() == QuestionKind.SINGLE
                    || q.kind() == QuestionKind.MULTIPLE ? String.join("\n", q.options()) : null,
                    q.key().replace(" / ", "|"), q.explanation(), q.score());
        }
    }
}
