package cn.zhibu.member;

import cn.zhibu.platform.AuditAction;

/** What the member module writes into the audit log (codes as stored since the first release). */
enum MemberAuditAction implements AuditAction {
    CREATED("党员.录入", "录入党员"),
    UPDATED("党员.修改", "修改党员信息"),
    DELETED("党员.删除", "删除党员（录入错误）"),
    MOVED_BY_TRANSFER("党员.组织关系转入", "组织关系转入本组织"),
    STATUS_CHANGED("党员.状态变更", "党员状态变更"),
    LOST_CONTACT("党员.失联登记", "登记失去联系"),
    IN_CONTACT_AGAIN("党员.恢复联系", "恢复联系"),
    EXPORTED("党员.导出", "导出花名册"),
    IMPORTED("党员.批量导入", "批量导入党员"),
    TRANSFER_STARTED("党员.转接发起", "发起组织关系转接"),
    TRANSFER_OUT_OF_PLATFORM_STARTED("党员.转出系统外发起", "发起转出至系统外党组织"),
    TRANSFER_FROM_OFF_PLATFORM("党员.系统外转入", "登记系统外转入"),
    TRANSFER_RECEIVED("党员.转接接收", "接收组织关系转接"),
    TRANSFER_RECEIPT("党员.转接回执", "收到转接回执"),
    TRANSFER_APPROVED("党员.转接审批", "审批组织关系转接"),
    TRANSFER_REFUSED("党员.转接退回", "退回组织关系转接"),
    TRANSFER_CANCELLED("党员.转接撤回", "撤回组织关系转接"),
    OUTFLOW_REGISTERED("流动党员.外出登记", "登记外出流动党员"),
    OUTFLOW_CONTACTED("流动党员.联系", "记录与流动党员联系"),
    OUTFLOW_CERTIFICATE("流动党员.发放活动证", "发放流动党员活动证"),
    OUTFLOW_RETURNED("流动党员.返回", "登记流动党员返回"),
    INFLOW_REGISTERED("流动党员.流入登记", "登记流入党员"),
    INFLOW_LEFT("流动党员.流入离开", "登记流入党员离开");

    private final String code;
    private final String label;

    MemberAuditAction(String code, String label) {
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
