package cn.zhibu.admission.web;

import cn.zhibu.admission.AdmissionCase;
import cn.zhibu.admission.AdmissionStep;
import cn.zhibu.admission.BranchVote;
import cn.zhibu.admission.StepCheck;
import cn.zhibu.admission.StepForm;
import cn.zhibu.platform.Confirmation;

import java.util.ArrayList;
import java.util.List;

import static cn.zhibu.platform.Confirmation.line;

/** A checked step as the confirmation page lists it: what will be saved, in the words of the case page. */
final class StepSummary {

    private StepSummary() {
    }

    static List<Confirmation.Line> of(AdmissionCase c, StepCheck checked) {
        StepForm f = checked.form();
        List<Confirmation.Line> lines = new ArrayList<>();
        lines.add(line("发展对象", c.name() + "（" + c.orgName() + "）"));
        lines.add(line("步骤", f.step().title()));
        lines.add(line("办理日期", f.doneOn()));
        lines.add(line(f.step() == AdmissionStep.FIRST_TALK || f.step() == AdmissionStep.HIGHER_TALK ? "谈话人"
                : "经办人或决定机构", f.talkersLabel()));
        lines.add(line(f.step() == AdmissionStep.SPONSORS ? "入党介绍人" : "培养联系人",
                String.join("、", checked.memberNames())));
        if (f.method() != null) {
            lines.add(line("推荐方式", f.method().label()));
        }
        if (f.body() != null) {
            lines.add(line("决定机构", f.body().label()));
        }
        if (f.passed() != null) {
            lines.add(line("结论", f.passed() ? "同意（合格、批准）" : "不同意（不合格、不批准）"));
        }
        if (f.trainingDays() != null || f.trainingHours() != null) {
            lines.add(line("集中培训", (f.trainingDays() == null ? 0 : f.trainingDays()) + "天、"
                    + (f.trainingHours() == null ? 0 : f.trainingHours()) + "学时"));
        }
        lines.add(line("编号或位置", f.reference()));
        BranchVote v = f.vote();
        if (v != null) {
            lines.add(line("表决", "应到" + v.expected() + "人，实到" + v.present() + "人，赞成" + v.yes()
                    + (v.writtenYes() > 0 ? "（另书面赞成" + v.writtenYes() + "）" : "") + "，反对" + v.no() + "，弃权"
                    + v.abstain() + " → " + (v.passed() ? "通过" : v.quorate() ? "未通过" : "不足法定人数")));
        }
        if (f.decision() != null) {
            lines.add(line("支部大会决定", f.decision().label()
                    + (f.extensionMonths() != null ? f.extensionMonths() + "个月" : "")));
        }
        lines.add(line("党小组意见", f.groupOpinion()));
        lines.add(line("党内外群众意见", f.publicOpinion()));
        lines.add(line("说明", f.note()));
        lines.add(line("适用", checked.ruleSet().title()));
        return lines;
    }
}
