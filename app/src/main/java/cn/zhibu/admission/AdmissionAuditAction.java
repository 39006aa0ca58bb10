package cn.zhibu.admission;

import cn.zhibu.platform.AuditAction;

import java.util.ArrayList;
import java.util.List;

/**
 * What the admission module writes into the audit log (codes as stored since the first release). A recorded step is
 * written as "发展党员." and the step's name, so each of the 25 steps is an action of its own ({@link #step}).
 */
enum AdmissionAuditAction implements AuditAction {
    APPLIED("发展党员.递交入党申请书", "登记入党申请（第1步 递交入党申请书）"),
    CLOSED("发展党员.终止", "终止发展"),
    MOVED("发展党员.转出", "发展党员材料转出"),
    DOCUMENT_ADDED("发展党员.上传材料", "上传发展党员材料"),
    DOCUMENT_REMOVED("发展党员.删除材料", "删除发展党员材料"),
    STEP_AMENDED("发展党员.更正", "更正发展党员步骤");

    private final String code;
    private final String label;

    AdmissionAuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The action of recording a step (step 1 is how a case is opened). */
    static AuditAction step(AdmissionStep step) {
        return step == AdmissionStep.APPLICATION ? APPLIED
                : AuditAction.of("发展党员." + step.label(), "记录" + step.title());
    }

    /** Every action, the fixed ones and one per step. */
    static List<AuditAction> all() {
        List<AuditAction> all = new ArrayList<>(List.of(values()));
        for (AdmissionStep s : AdmissionStep.values()) {
            if (s != AdmissionStep.APPLICATION) {
                all.add(step(s));
            }
        }
        return all;
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
