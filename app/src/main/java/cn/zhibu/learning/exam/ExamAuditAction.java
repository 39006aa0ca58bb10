package cn.zhibu.learning.exam;

import cn.zhibu.platform.AuditAction;

/** What the exams part writes into the audit log. */
enum ExamAuditAction implements AuditAction {
    BANK_CREATED("题库.新建", "新建题库"),
    BANK_RENAMED("题库.修改", "修改题库名称和说明"),
    QUESTION_EDITED("题库.修改试题", "修改试题"),
    QUESTION_ADDED("题库.添加试题", "添加试题"),
    QUESTION_RETIRED("题库.删除试题", "删除试题"),
    QUESTIONS_IMPORTED("题库.导入试题", "从Excel导入试题"),
    EXAM_SAVED("考试.保存", "保存考试（草稿）"),
    EXAM_PUBLISHED("考试.发布", "发布考试"),
    EXAM_WITHDRAWN("考试.撤回", "撤回考试"),
    ATTEMPT_STARTED("考试.开始答题", "开始答题"),
    ATTEMPT_GRADED("考试.交卷", "交卷并评分");

    private final String code;
    private final String label;

    ExamAuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
