package cn.zhibu.admission;

import java.util.Arrays;
import java.util.Optional;

/**
 * D1: the 25 steps in five stages, numbered as in the 《发展党员工作细则》 flow chart. A step names who acts and which
 * stage the person reaches once it is done; the prerequisites and dates are {@link AdmissionFlow}'s.
 */
public enum AdmissionStep {
    APPLICATION(1, "递交入党申请书", StepActor.APPLICANT, AdmissionStage.APPLICANT),
    FIRST_TALK(2, "党组织派人谈话", StepActor.BRANCH, null),
    ACTIVIST_CHOSEN(3, "推荐和确定入党积极分子", StepActor.BRANCH, AdmissionStage.ACTIVIST),
    ACTIVIST_FILED(4, "上级党委备案", StepActor.HIGHER, null),
    CONTACTS_ASSIGNED(5, "指定培养联系人", StepActor.BRANCH, null),
    ACTIVIST_REVIEW(6, "培养教育考察", StepActor.BRANCH, null),
    TARGET_CHOSEN(7, "确定发展对象", StepActor.BRANCH, AdmissionStage.TARGET),
    TARGET_FILED(8, "报上级党委备案", StepActor.HIGHER, null),
    SPONSORS(9, "确定入党介绍人", StepActor.BRANCH, null),
    POLITICAL_REVIEW(10, "政治审查", StepActor.BRANCH, null),
    TRAINING(11, "集中培训", StepActor.HIGHER, null),
    COMMITTEE_REVIEW(12, "支委会审查", StepActor.BRANCH, null),
    PRE_REVIEW(13, "上级党委预审", StepActor.HIGHER, null),
    FORM_FILLED(14, "填写入党志愿书", StepActor.APPLICANT, null),
    ADMISSION_MEETING(15, "支部大会讨论", StepActor.BRANCH, null),
    HIGHER_TALK(16, "上级党委派人谈话", StepActor.HIGHER, null),
    APPROVAL(17, "上级党委审批", StepActor.HIGHER, AdmissionStage.PROBATIONARY),
    APPROVAL_FILED(18, "再上一级党委组织部门备案", StepActor.HIGHER, null),
    PLACED(19, "编入支部和党小组", StepActor.BRANCH, null),
    OATH(20, "入党宣誓", StepActor.BRANCH, null),
    PROBATION_REVIEW(21, "继续教育考察", StepActor.BRANCH, null),
    CONVERSION_REQUEST(22, "提出转正申请", StepActor.APPLICANT, null),
    CONVERSION_MEETING(23, "支部大会讨论转正", StepActor.BRANCH, null),
    CONVERSION_APPROVAL(24, "上级党委审批转正", StepActor.HIGHER, null),
    ARCHIVED(25, "材料归档", StepActor.BRANCH, null);

    private final int number;
    private final String label;
    private final StepActor actor;
    private final AdmissionStage reaches;

    AdmissionStep(int number, String label, StepActor actor, AdmissionStage reaches) {
        this.number = number;
        this.label = label;
        this.actor = actor;
        this.reaches = reaches;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    /** "第15步 支部大会讨论". */
    public String title() {
        return "第" + number + "步 " + label;
    }

    public StepActor actor() {
        return actor;
    }

    /** The stage entered when this step is done (with a positive outcome), if it starts one. */
    public Optional<AdmissionStage> reaches() {
        return Optional.ofNullable(reaches);
    }

    /** D1's stage this step belongs to, 1–5. */
    public int stageNumber() {
        return number <= 2 ? 1 : number <= 6 ? 2 : number <= 11 ? 3 : number <= 18 ? 4 : 5;
    }

    /** Reviews are recorded again and again (D4: every six months; probation likewise). */
    public boolean repeatable() {
        return this == ACTIVIST_REVIEW || this == PROBATION_REVIEW;
    }

    public static Optional<AdmissionStep> ofNumber(int number) {
        return Arrays.stream(values()).filter(s -> s.number == number).findFirst();
    }
}
