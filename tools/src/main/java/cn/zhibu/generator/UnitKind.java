package cn.zhibu.generator;

import java.util.List;

/** The kinds of 基层党委 a county is made of. */
enum UnitKind {
    TOWN, STREET, GOVERNMENT, STATE_ENTERPRISE, PRIVATE_ENTERPRISE, SCHOOL, COLLEGE, HOSPITAL, RESEARCH, SOCIAL_SECTOR;

    static final List<UnitKind> ALL = List.of(values());
}
