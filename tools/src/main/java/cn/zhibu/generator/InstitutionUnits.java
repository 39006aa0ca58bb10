package cn.zhibu.generator;

import java.util.List;

import static cn.zhibu.organization.OrganizationCategory.GOVERNMENT;
import static cn.zhibu.organization.OrganizationCategory.OTHER;
import static cn.zhibu.organization.OrganizationCategory.RESEARCH;
import static cn.zhibu.organization.OrganizationCategory.SCHOOL;

/**
 * Public bodies of a county: departments under the 县直机关工委 and schools under the 教育工委 (a large one with a
 * 党委, a middle one with a 党总支, a small one with a single branch), colleges with student branches, hospitals
 * and institutes.
 */
final class InstitutionUnits {

    private static final List<String> DEPARTMENTS_FIRST = List.of("委办公室", "人民政府办公室", "委组织部");
    private static final List<String> DEPARTMENTS = List.of("委宣传部", "委统战部", "委政法委员会", "纪委监委",
            "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
            "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局",
            "商务局", "文化广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
            "医疗保障局", "人民法院", "人民检察院", "税务局", "总工会", "团委", "妇女联合会", "档案馆", "融媒体中心",
            "机关事务管理中心", "行政审批局", "信访局", "城市管理局", "数据局", "供销合作总社", "委党校", "体育局",
            "粮食和物资储备局", "林业局", "住房公积金管理中心", "不动产登记中心");
    private static final List<String> SPECIAL_SCHOOLS = List.of("高级中学", "实验小学", "实验中学", "职业教育中心");
    private static final List<String> COLLEGES = List.of("职业技术学院", "工业职业技术学院", "卫生职业技术学院",
            "商贸职业学院", "师范高等专科学校");
    private static final List<String> FACULTIES = List.of("机电工程学院", "信息工程学院", "经济管理学院", "建筑工程学院",
            "护理学院", "人文学院", "艺术设计学院", "马克思主义学院", "外国语学院", "化学工程学院", "汽车工程学院");
    private static final List<String> HOSPITALS_FIRST = List.of("人民医院", "中医院");
    private static final List<String> HOSPITALS = List.of("妇幼保健院", "第二人民医院", "第三人民医院", "疾病预防控制中心",
            "精神卫生中心", "中西医结合医院", "急救中心", "口腔医院", "康复医院", "肿瘤医院");
    private static final List<String> WARDS = List.of("内科党支部", "外科党支部", "医技党支部", "护理党支部", "行政后勤党支部",
            "门诊党支部", "急诊党支部", "妇产科党支部", "儿科党支部", "药剂科党支部", "重症医学科党支部", "康复医学科党支部");
    private static final List<String> INSTITUTES = List.of("农业科学研究所", "林业技术指导站", "水产技术推广站",
            "检验检测中心", "农业技术推广中心", "产品质量监督检验所", "工程技术研究院", "规划设计研究院", "建筑设计研究院",
            "畜牧兽医站", "农业机械化技术推广站", "地震监测中心");

    private final CountyBuilder c;
    private final Catalog departments;
    private final Catalog hospitals;
    private final Catalog institutes;
    private int schools;

    InstitutionUnits(CountyBuilder county) {
        this.c = county;
        this.departments = new Catalog(c.random, DEPARTMENTS_FIRST, DEPARTMENTS);
        this.hospitals = new Catalog(c.random, HOSPITALS_FIRST, HOSPITALS);
        this.institutes = new Catalog(c.random, List.of(), INSTITUTES);
    }

    void department() {
        if (departments.isEmpty()) {
            return;
        }
        String department = departments.next();
        String unit = c.place + department;
        String shortUnit = (department.startsWith("委") ? c.kind.suffix() : "") + department;
        PlannedOrg organs = c.workingCommittee("直属机关", GOVERNMENT);
        int size = c.random.nextInt(100);
        if (size < 30) {
            PlannedOrg committee = c.baseCommittee(organs, unit, shortUnit, "机关", GOVERNMENT);
            c.tree.branch(committee, unit, "办公室党支部", GOVERNMENT, Workforce.CIVIL_SERVANTS, 14);
            c.numbered(committee, unit, "", c.between(2, 9), GOVERNMENT, Workforce.CIVIL_SERVANTS, 14);
            c.maybe(60, () -> c.tree.branch(committee, unit, "离退休干部党支部", GOVERNMENT, Workforce.RETIREES, 18));
            c.maybe(20, () -> {
                PlannedOrg institutions = c.generalBranch(committee, unit, "直属事业单位", GOVERNMENT);
                c.numbered(institutions, unit + "直属事业单位", "", c.between(2, 3), GOVERNMENT,
                        Workforce.TECHNICIANS, 14);
            });
        } else if (size < 70) {
            PlannedOrg general = c.unitGeneralBranch(organs, unit + "机关党总支", shortUnit + "机关党总支", unit,
                    GOVERNMENT);
            c.numbered(general, unit, "", c.between(2, 4), GOVERNMENT, Workforce.CIVIL_SERVANTS, 14);
            c.maybe(40, () -> c.tree.branch(general, unit, "离退休干部党支部", GOVERNMENT, Workforce.RETIREES, 12));
        } else {
            c.tree.unitBranch(organs, unit + "机关党支部", shortUnit + "机关党支部", unit, GOVERNMENT,
                    Workforce.CIVIL_SERVANTS, 18);
        }
    }

    void school() {
        String school = schools < SPECIAL_SCHOOLS.size() ? SPECIAL_SCHOOLS.get(schools)
                : ChineseNumerals.ordinal((schools - SPECIAL_SCHOOLS.size()) / 2 + 1)
                + (schools % 2 == 0 ? "中学" : "小学");
        schools++;
        String unit = c.place + school;
        PlannedOrg education = c.workingCommittee("教育", SCHOOL);
        int size = c.random.nextInt(100);
        if (size < 25) {
            PlannedOrg committee = c.baseCommittee(education, unit, school, "", SCHOOL);
            c.numbered(committee, unit, "教工", c.between(4, 8), SCHOOL, Workforce.TEACHERS, 16);
            c.maybe(60, () -> c.tree.branch(committee, unit, "离退休教师党支部", SCHOOL, Workforce.RETIREES, 16));
        } else if (size < 55) {
            PlannedOrg general = c.unitGeneralBranch(education, unit + "党总支", school + "党总支", unit, SCHOOL);
            c.numbered(general, unit, "教工", c.between(2, 4), SCHOOL, Workforce.TEACHERS, 14);
            c.maybe(40, () -> c.tree.branch(general, unit, "离退休教师党支部", SCHOOL, Workforce.RETIREES, 12));
        } else {
            c.tree.unitBranch(education, unit + "党支部", school + "党支部", unit, SCHOOL, Workforce.TEACHERS, 18);
        }
    }

    /** A 高职院校: 党总支 per faculty with a staff branch and student branches (the province's 学生 members). */
    void college() {
        String college = c.names.next() + c.any(COLLEGES);
        PlannedOrg committee = c.baseCommittee(c.county, college, college, "", SCHOOL);
        c.numbered(committee, college, "机关", c.between(1, 3), SCHOOL, Workforce.TEACHERS, 14);
        for (String faculty : Catalog.some(c.random, FACULTIES, c.between(5, 9))) {
            if (!c.budgetLeft()) {
                break;
            }
            PlannedOrg general = c.generalBranch(committee, college, faculty, SCHOOL);
            c.tree.branch(general, college + faculty, "教工党支部", SCHOOL, Workforce.TEACHERS, 14);
            c.numbered(general, college + faculty, "学生", c.between(2, 4), SCHOOL, Workforce.STUDENTS, 22);
        }
        c.maybe(50, () -> c.tree.branch(committee, college, "离退休党支部", SCHOOL, Workforce.RETIREES, 20));
    }

    void hospital() {
        if (hospitals.isEmpty()) {
            return;
        }
        String hospital = hospitals.next();
        String unit = c.place + hospital;
        PlannedOrg committee = c.baseCommittee(unit, hospital, OTHER);
        for (String ward : Catalog.some(c.random, WARDS, c.between(4, 10))) {
            c.tree.branch(committee, unit, ward, OTHER, Workforce.MEDICS, 22);
        }
        c.maybe(50, () -> c.tree.branch(committee, unit, "离退休党支部", OTHER, Workforce.RETIREES, 16));
    }

    void institute() {
        if (institutes.isEmpty()) {
            return;
        }
        String institute = institutes.next();
        String unit = c.place + institute;
        PlannedOrg committee = c.baseCommittee(unit, institute, RESEARCH);
        c.numbered(committee, unit, "", c.between(3, 6), RESEARCH, Workforce.TECHNICIANS, 16);
    }
}
