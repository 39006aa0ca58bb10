package cn.zhibu.dues;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** How the audit entries of bases, reliefs, the start of dues and bills read in Chinese. */
@Component
class DuesBillsAuditVocabulary implements AuditVocabulary {

    private static final Map<String, String> SOURCES = Map.of("FORM", "页面录入", "IMPORT", "批量导入", "API", "接口");

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(DuesBaseAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of(DuesBases.ENTITY, "党费基数")
                        .field("memberName", "党员")
                        .field("category", "党员类别", DuesCategory.class, DuesCategory::label)
                        .field("effectiveMonth", "起始月份")
                        .field("countedPay", "计入基数的工资收入")
                        .field("incomeTax", "实际代扣个人所得税")
                        .field("socialInsurance", "个人缴纳五险一金")
                        .field("annuity", "个人缴纳年金")
                        .field("base", "月基数")
                        .field("computed", "按规定应交")
                        .field("chosen", "自愿交纳")
                        .field("amount", "每月应交")
                        .coded("source", "来源", SOURCES)
                        .field("note", "备注")
                        .field("rows", "导入行数")
                        .field("fileName", "文件名")
                        .hidden("memberId")
                        .title("memberName", "fileName"),
                AuditSubject.of(ReliefService.ENTITY, "党费减免")
                        .field("memberName", "党员")
                        .field("fromMonth", "起始月份")
                        .field("toMonth", "截止月份")
                        .field("amount", "减免后每月金额")
                        .field("reason", "理由")
                        .field("decidedOn", "支部决定日期")
                        .field("status", "状态", ReliefStatus.class, ReliefStatus::label)
                        .field("approvedBy", "审批人")
                        .field("approverNote", "审批意见")
                        .hidden("memberId")
                        .title("memberName"),
                AuditSubject.of("dues_start", "党费起交月份")
                        .field("firstMonth", "起交月份")
                        .field("meetingOn", "支部大会日期")
                        .field("probationStart", "起交规则", ProbationStart.class, ProbationStart::label)
                        .hidden("memberId"),
                AuditSubject.of(DuesBills.RUN_ENTITY, "党费账单生成")
                        .field("orgName", "党组织")
                        .field("month", "月份")
                        .field("bills", "生成账单数")
                        .field("amount", "应交合计")
                        .field("paid", "预交已交")
                        .field("waived", "免交")
                        .hidden("orgId")
                        .title("orgName"),
                AuditSubject.of(DuesBills.BILL_ENTITY, "党费账单")
                        .field("month", "月份")
                        .field("amount", "应交金额")
                        .field("status", "状态", BillStatus.class, BillStatus::label)
                        .field("voidReason", "作废原因")
                        .hidden("memberId"));
    }

}
