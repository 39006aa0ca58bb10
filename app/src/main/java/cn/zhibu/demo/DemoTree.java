package cn.zhibu.demo;

import cn.zhibu.demo.OrgPlan.NamedPerson;
import cn.zhibu.member.Gender;
import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationType;

import java.util.List;

import static cn.zhibu.demo.TermPlan.CURRENT;
import static cn.zhibu.demo.TermPlan.ENDING_SOON;
import static cn.zhibu.demo.TermPlan.EXPIRED;
import static cn.zhibu.demo.TermPlan.NEW_SECRETARY;
import static cn.zhibu.demo.TermPlan.NONE;
import static cn.zhibu.organization.OrganizationCategory.GOVERNMENT;
import static cn.zhibu.organization.OrganizationCategory.RESEARCH;
import static cn.zhibu.organization.OrganizationCategory.SCHOOL;

/**
 * The demo 市直机关工委: five 基层党委 of city bodies, two 党总支 and 40 branches with about 800 members. A few
 * branches are deliberately off the rules (B1, B4, B5) so the warnings have something to show.
 */
final class DemoTree {

    private DemoTree() {
    }

    static OrgPlan workingCommittee() {
        return node(DemoAccounts.WORKING_COMMITTEE, "市直机关工委", OrganizationType.WORKING_COMMITTEE, GOVERNMENT,
                List.of("中共某某市直属机关工作委员会"),
                branch("市直机关工委机关党支部", 22, CURRENT),
                branch("市社科联、市文联、市侨联联合党支部", 12, CURRENT).withType(OrganizationType.JOINT_BRANCH,
                        "某某市社会科学界联合会", "某某市文学艺术界联合会", "某某市归国华侨联合会"),
                branch("市直机关驻村帮扶工作队临时党支部", 6, TermPlan.RECENT)
                        .withType(OrganizationType.TEMPORARY_BRANCH, "某某市直机关驻村帮扶工作队"),
                developmentAndReform(), education(), finance(), health(), housing()
        ).inheritingUnit(List.of());
    }

    private static OrgPlan developmentAndReform() {
        return baseCommittee(DemoAccounts.ORG_ADMIN_COMMITTEE, "发改委机关党委", "某某市发展和改革委员会",
                branch(DemoAccounts.SECRETARY_BRANCH, 22, CURRENT).withNamed(
                        new NamedPerson(DemoAccounts.SECRETARY_NAME, Gender.MALE),
                        new NamedPerson(DemoAccounts.MEMBER_NAME, Gender.FEMALE),
                        new NamedPerson(DemoAccounts.SEARCHABLE_NAME, Gender.MALE)),
                branch("市发展改革委综合规划处党支部", 24, CURRENT),
                branch("市发展改革委经济运行处党支部", 18, NONE),
                branch("市发展改革委固定资产投资处党支部", 20, ENDING_SOON),
                branch("市发展改革委价格和收费管理处党支部", 55, CURRENT).withGroups(3),
                institute("市经济信息中心党支部", 12, RESEARCH, Workforce.RESEARCHERS, "某某市经济信息中心"),
                retirees("市发展改革委离退休干部党支部", 26).withGroups(2));
    }

    private static OrgPlan education() {
        return baseCommittee(DemoAccounts.OTHER_COMMITTEE, "教育局机关党委", "某某市教育局",
                branch("市教育局办公室党支部", 21, CURRENT),
                branch(DemoAccounts.OTHER_SECRETARY_BRANCH, 19, CURRENT)
                        .withNamed(new NamedPerson(DemoAccounts.OTHER_SECRETARY_NAME, Gender.FEMALE)),
                branch("市教育局高等教育与职业教育处党支部", 16, EXPIRED),
                institute("市教育科学研究院党支部", 30, RESEARCH, Workforce.RESEARCHERS, "某某市教育科学研究院")
                        .withGroups(2),
                institute("市电化教育馆党支部", 10, SCHOOL, Workforce.ENGINEERS, "某某市电化教育馆")
                        .withTerm(NONE),
                retirees("市教育局离退休干部党支部", 17),
                node("市教育考试院党总支", "考试院党总支", OrganizationType.GENERAL_BRANCH, SCHOOL,
                        List.of("某某市教育考试院"),
                        institute("市教育考试院综合党支部", 18, SCHOOL, Workforce.ADMINISTRATORS, null),
                        institute("市教育考试院考务党支部", 19, SCHOOL, Workforce.ADMINISTRATORS, null),
                        institute("市教育考试院信息技术党支部", 15, SCHOOL, Workforce.ENGINEERS, null)
                                .withTerm(ENDING_SOON)));
    }

    private static OrgPlan finance() {
        return baseCommittee("市财政局机关党委", "财政局机关党委", "某某市财政局",
                branch("市财政局办公室党支部", 20, CURRENT),
                branch("市财政局预算处党支部", 24, CURRENT),
                branch("市财政局国库处党支部", 16, NEW_SECRETARY),
                branch("市财政局税政与非税收入管理处党支部", 15, NONE),
                branch("市财政局会计监督处党支部", 18, ENDING_SOON),
                // two full members: below the B1 minimum of three
                branch("市财政局驻沪联络处党支部", 3, CURRENT).withProbationary(1),
                retirees("市财政局离退休干部党支部", 14));
    }

    private static OrgPlan health() {
        return baseCommittee("市卫生健康委员会机关党委", "卫健委机关党委", "某某市卫生健康委员会",
                branch("市卫生健康委办公室党支部", 21, CURRENT),
                branch("市卫生健康委医政医管处党支部", 23, CURRENT),
                branch("市卫生健康委疾病预防控制处党支部", 17, CURRENT),
                branch("市卫生健康委基层卫生健康处党支部", 11, CURRENT),
                retirees("市卫生健康委离退休干部党支部", 12),
                node("市疾病预防控制中心党总支", "市疾控中心党总支", OrganizationType.GENERAL_BRANCH, RESEARCH,
                        List.of("某某市疾病预防控制中心"),
                        institute("市疾控中心传染病防制所党支部", 28, RESEARCH, Workforce.DOCTORS, null)
                                .withGroups(2),
                        institute("市疾控中心检验检测所党支部", 22, RESEARCH, Workforce.DOCTORS, null),
                        institute("市疾控中心综合管理党支部", 18, RESEARCH, Workforce.ADMINISTRATORS, null)));
    }

    private static OrgPlan housing() {
        return baseCommittee("市住房和城乡建设局机关党委", "住建局机关党委", "某某市住房和城乡建设局",
                branch("市住房城乡建设局办公室党支部", 22, CURRENT),
                branch("市住房城乡建设局人事处党支部", 18, CURRENT),
                branch("市住房城乡建设局城市建设处党支部", 25, CURRENT),
                branch("市住房城乡建设局房地产市场监管处党支部", 19, ENDING_SOON),
                branch("市住房城乡建设局建筑业管理处党支部", 26, CURRENT).withGroups(2),
                institute("市建设工程质量安全监督站党支部", 45, GOVERNMENT, Workforce.ENGINEERS,
                        "某某市建设工程质量安全监督站").withGroups(3));
    }

    // ---- factories -----------------------------------------------------------------------------------

    private static OrgPlan node(String name, String shortName, OrganizationType type, OrganizationCategory category,
                                List<String> units, OrgPlan... children) {
        return new OrgPlan(name, shortName, type, category, units, 0, null, CURRENT, Workforce.CIVIL_SERVANTS, 0,
                List.of(), List.of(children));
    }

    private static OrgPlan baseCommittee(String name, String shortName, String unit, OrgPlan... branches) {
        return node(name, shortName, OrganizationType.BASE_COMMITTEE, GOVERNMENT, List.of(unit), branches);
    }

    /** A 党支部 of a government department: civil servants, category 机关. */
    private static OrgPlan branch(String name, int members, TermPlan term) {
        return new OrgPlan(name, null, OrganizationType.BRANCH, GOVERNMENT, List.of(), members, null, term,
                Workforce.CIVIL_SERVANTS, 0, List.of(), List.of());
    }

    /** A branch of a 事业单位; {@code unit} null to take the parent's. */
    private static OrgPlan institute(String name, int members, OrganizationCategory category, Workforce staff,
                                     String unit) {
        OrgPlan plan = new OrgPlan(name, null, OrganizationType.BRANCH, category, List.of(), members, null, CURRENT,
                staff, 0, List.of(), List.of());
        return unit == null ? plan : plan.withUnit(unit);
    }

    /** 离退休干部党支部: retired cadres of the department, none of them probationary. */
    private static OrgPlan retirees(String name, int members) {
        return branch(name, members, CURRENT).withWorkforce(Workforce.RETIREES).withProbationary(0);
    }
}
