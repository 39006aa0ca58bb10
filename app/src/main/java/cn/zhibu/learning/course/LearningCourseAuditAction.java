package cn.zhibu.learning.course;

import cn.zhibu.platform.AuditAction;

/** What the courses part writes into the audit log. */
enum LearningCourseAuditAction implements AuditAction {
    CREATED("课程.创建", "创建课程"),
    UPDATED("课程.修改", "修改课程"),
    MEDIA_UPLOADED("课程.上传文件", "上传课程文件"),
    PUBLISHED("课程.发布", "发布课程"),
    WITHDRAWN("课程.撤回", "撤回课程"),
    SERIES_CREATED("课程专题.创建", "创建课程专题"),
    SERIES_UPDATED("课程专题.修改", "修改课程专题");

    private final String code;
    private final String label;

    LearningCourseAuditAction(String code, String label) {
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
