package cn.zhibu.generator;

import java.util.List;

import static cn.zhibu.organization.OrganizationCategory.ENTERPRISE;
import static cn.zhibu.organization.OrganizationCategory.PRIVATE_ENTERPRISE;
import static cn.zhibu.organization.OrganizationCategory.SOCIAL_ORGANIZATION;

/**
 * The economy and civil society of a county: state-owned companies with subsidiaries as 党总支, private
 * companies (a large one with its own 党委, small ones as branches of a 园区 committee) and 行业党委 whose
 * small member units share 联合党支部.
 */
final class EconomyUnits {

    private static final List<String> STATE_COMPANIES = List.of("城市建设投资集团有限公司", "交通投资集团有限公司",
            "水务集团有限公司", "国有资产投资经营有限公司", "农村商业银行股份有限公司", "供电公司", "文化旅游发展集团有限公司",
            "粮食购销有限公司", "公共交通有限公司", "燃气有限公司", "农业发展集团有限公司", "产业投资集团有限公司",
            "城乡建设发展有限公司", "人才发展集团有限公司", "融资担保有限公司");
    private static final List<String> INDUSTRIES = List.of("机械", "纺织", "化工", "电子科技", "新材料", "食品", "物流",
            "新能源科技", "医药", "汽车零部件", "智能装备", "服饰", "建材", "光电科技", "精密制造", "环保科技", "家居", "农业科技");
    private static final List<String> COMPANY_BRANCHES = List.of("生产党支部", "技术研发党支部", "营销党支部", "综合管理党支部",
            "质量管理党支部", "第一车间党支部", "第二车间党支部", "第三车间党支部", "物流党支部", "财务党支部");
    /** 行业 and what its member units are called. */
    private static final List<String[]> SECTORS = List.of(new String[]{"律师行业", "律师事务所"},
            new String[]{"社会组织", "社会工作服务中心"}, new String[]{"物业服务行业", "物业服务有限公司"},
            new String[]{"快递物流行业", "快递有限公司"}, new String[]{"会计行业", "会计师事务所"},
            new String[]{"商会", "商贸有限公司"}, new String[]{"教育培训行业", "培训学校"},
            new String[]{"家政服务行业", "家政服务有限公司"}, new String[]{"电子商务行业", "电子商务有限公司"});

    private final CountyBuilder c;
    private final Catalog stateCompanies;
    private int sectors;

    EconomyUnits(CountyBuilder county) {
        this.c = county;
        this.stateCompanies = new Catalog(c.random, List.of(), STATE_COMPANIES);
    }

    void stateEnterprise() {
        String company = stateCompanies.isEmpty() ? c.names.next() + "实业集团有限公司" : stateCompanies.next();
        String unit = c.place + company;
        PlannedOrg committee = c.baseCommittee(unit, company, ENTERPRISE);
        c.numbered(committee, unit, "机关", c.between(1, 2), ENTERPRISE, Workforce.STATE_STAFF, 16);
        for (int s = c.random.nextInt(3); s > 0 && c.budgetLeft(); s--) {
            String subsidiary = c.names.next() + "分公司";
            PlannedOrg general = c.generalBranch(committee, unit, subsidiary, ENTERPRISE);
            c.numbered(general, unit + subsidiary, "", c.between(2, 4), ENTERPRISE, Workforce.STATE_STAFF, 20);
        }
        companyBranches(committee, unit, c.between(2, 7), Workforce.STATE_STAFF, 20);
        c.maybe(50, () -> c.tree.branch(committee, unit, "离退休职工党支部", ENTERPRISE, Workforce.RETIREES, 25));
        c.maybe(10, () -> c.tree.temporaryBranch(committee, unit, c.names.next() + "项目临时党支部", ENTERPRISE,
                Workforce.PROJECT_TEAM, 6));
    }

    /** A large private company with its own 党委, or an industrial park's committee over many small ones. */
    void privateEnterprise() {
        if (c.random.nextInt(100) < 30) {
            String company = company();
            String unit = c.place + company;
            PlannedOrg committee = c.baseCommittee(unit, company, PRIVATE_ENTERPRISE);
            companyBranches(committee, unit, c.between(3, 9), Workforce.PRIVATE_STAFF, 15);
            return;
        }
        String park = c.names.next() + "工业园区";
        String unit = c.place + park;
        PlannedOrg committee = c.baseCommittee(c.county, unit, park, "非公有制企业综合", PRIVATE_ENTERPRISE);
        for (int n = c.between(5, 12); n > 0 && c.budgetLeft(); n--) {
            String company = company();
            c.tree.unitBranch(committee, unit + company + "党支部", company + "党支部", c.place + company,
                    PRIVATE_ENTERPRISE, Workforce.PRIVATE_STAFF, 14);
        }
        for (int j = c.between(1, 3); j > 0 && c.budgetLeft(); j--) {
            String label = c.names.next() + "片区小微企业";
            c.tree.jointBranch(committee, unit, label + "联合党支部", PRIVATE_ENTERPRISE, label, Workforce.PRIVATE_STAFF, 9);
        }
    }

    /** A 行业党委 of small units, most of them too small for a branch of their own: 联合党支部 (B1). */
    void sector() {
        if (sectors == SECTORS.size()) {
            return;
        }
        String[] sector = SECTORS.get(sectors++);
        String memberUnit = sector[1];
        PlannedOrg committee = c.baseCommittee(c.place + sector[0], sector[0], SOCIAL_ORGANIZATION);
        for (int j = c.between(3, 6); j > 0 && c.budgetLeft(); j--) {
            String label = c.names.next() + memberUnit + "等";
            c.tree.jointBranch(committee, c.place, label + "联合党支部", SOCIAL_ORGANIZATION, label + "单位",
                    Workforce.SOCIAL_SECTOR, 9);
        }
        for (int b = c.between(2, 4); b > 0 && c.budgetLeft(); b--) {
            String firm = c.names.next() + memberUnit;
            c.tree.unitBranch(committee, c.place + firm + "党支部", firm + "党支部", c.place + firm,
                    SOCIAL_ORGANIZATION, Workforce.SOCIAL_SECTOR, 12);
        }
    }

    private String company() {
        return c.names.next() + c.any(INDUSTRIES) + "有限公司";
    }

    private void companyBranches(PlannedOrg committee, String unit, int count, Workforce workforce, int median) {
        for (String label : Catalog.some(c.random, COMPANY_BRANCHES, count)) {
            if (!c.budgetLeft()) {
                return;
            }
            c.tree.branch(committee, unit, label, committee.category, workforce, median);
        }
    }
}
