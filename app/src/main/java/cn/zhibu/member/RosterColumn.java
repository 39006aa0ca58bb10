package cn.zhibu.member;

import java.time.LocalDate;
import java.util.function.Function;

/** The columns of a 花名册 export, in their usual order; 身份证号 and phone are masked unless the caller may see them. */
public enum RosterColumn {
    NAME("姓名", Member::name),
    GENDER("性别", m -> m.gender().label()),
    ETHNICITY("民族", Member::ethnicity),
    BIRTH_DATE("出生日期", m -> date(m.birthDate())),
    ID_NUMBER("身份证号", Member::idNumber),
    EDUCATION("学历", m -> m.education().label()),
    OCCUPATION("职业", m -> m.occupation().label()),
    STATUS("党员类别", m -> m.status().label()),
    JOINED_ON("入党日期", m -> date(m.joinedOn())),
    CONVERTED_ON("转正日期", m -> date(m.convertedOn())),
    ORG("所在党组织", Member::orgName),
    WORK_UNIT("工作单位", Member::workUnit),
    JOB_TITLE("职务", Member::jobTitle),
    PHONE("手机号", Member::phone);

    private final String label;
    private final Function<Member, String> value;

    RosterColumn(String label, Function<Member, String> value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public String valueOf(Member m) {
        String v = value.apply(m);
        return v == null ? "" : v;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
