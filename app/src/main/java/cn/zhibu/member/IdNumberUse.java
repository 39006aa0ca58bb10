package cn.zhibu.member;

/**
 * What a 身份证号 is being entered for, and so what the caller is told when it is already someone's: within their
 * scope what the record is, elsewhere only the generic text (see {@link cn.zhibu.platform.IdNumberHits}).
 *
 * @param operation  the action named in the audit entry of the hit
 * @param registered the answer for a registry member within the caller's scope
 * @param suffix     appended to the answer for an archived record within the caller's scope
 * @param elsewhere  the answer for any record outside the caller's scope
 */
public record IdNumberUse(String operation, String registered, String suffix, String elsewhere) {

    /** Outside the caller's scope a member, archived or not, is only "registered elsewhere". */
    public static final String ELSEWHERE = "该身份证号已在其他党组织登记，请通过组织关系转接办理";

    public static final IdNumberUse NEW_MEMBER = new IdNumberUse("党员.录入",
            "该身份证号已登记为党员，不能重复录入（如为组织关系转入，请办理转接）", "", ELSEWHERE);
    public static final IdNumberUse INBOUND_MEMBER = new IdNumberUse("党员.系统外转入",
            "该身份证号已登记为党员，不能重复录入（本平台内的转入请由原党组织发起转接）", "", ELSEWHERE);
    public static final IdNumberUse EDITED_MEMBER = new IdNumberUse("党员.修改", "该身份证号已登记为其他党员", "",
            ELSEWHERE);
    public static final IdNumberUse IMPORTED_MEMBER = new IdNumberUse("党员.批量导入", "该身份证号已登记为党员，不能重复录入",
            "", ELSEWHERE);
    /** An application for membership: the same generic text whether a member or an open case holds the number. */
    public static final IdNumberUse APPLICANT = new IdNumberUse("发展党员.递交入党申请书",
            "该身份证号已登记为党员，不能作为入党申请人登记", "，不能作为入党申请人登记",
            "该身份证号已在其他党组织登记，不能在此登记为入党申请人；请与该党组织联系，通过组织关系转接或发展党员材料转接办理");
}
