package cn.zhibu.organization;

import cn.zhibu.platform.AuditAction;

/** What the organization module writes into the audit log (codes as stored since the first release). */
enum OrganizationAuditAction implements AuditAction {
    CREATED("组织.设立", "设立党组织"),
    UPDATED("组织.修改", "修改党组织信息"),
    MOVED("组织.调整隶属", "调整隶属关系"),
    DISSOLVED("组织.撤销", "撤销党组织"),
    TERM_STARTED("班子.换届", "换届（登记新一届班子）"),
    SEAT_ADDED("班子.任职", "班子成员任职"),
    SEAT_REMOVED("班子.免职", "班子成员免职");

    private final String code;
    private final String label;

    OrganizationAuditAction(String code, String label) {
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
