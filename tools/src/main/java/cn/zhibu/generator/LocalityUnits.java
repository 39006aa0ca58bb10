package cn.zhibu.generator;

import cn.zhibu.organization.OrganizationCategory;

import static cn.zhibu.organization.OrganizationCategory.COMMUNITY;
import static cn.zhibu.organization.OrganizationCategory.GOVERNMENT;
import static cn.zhibu.organization.OrganizationCategory.PRIVATE_ENTERPRISE;
import static cn.zhibu.organization.OrganizationCategory.RURAL;

/**
 * 乡镇党委 with their village branches (large villages as 党总支 of 网格 branches) and 街道党委 with their community
 * branches and 联合党支部 of small businesses: where most farmers and retirees are members.
 */
final class LocalityUnits {

    private final CountyBuilder c;

    LocalityUnits(CountyBuilder county) {
        this.c = county;
    }

    void town() {
        String town = c.names.next() + (c.kind == CountyKind.COUNTY && c.random.nextInt(5) == 0 ? "乡" : "镇");
        String unit = c.place + town;
        PlannedOrg committee = c.baseCommittee(unit, town, RURAL);
        c.numbered(committee, unit, "机关", c.between(1, 3), GOVERNMENT, Workforce.CIVIL_SERVANTS, 14);
        int villages = c.between(10, 24);
        for (int v = 0; v < villages && c.budgetLeft(); v++) {
            neighbourhood(committee, unit, c.names.next() + "村", RURAL, Workforce.VILLAGERS, 10);
        }
        c.maybe(60, () -> c.tree.branch(committee, unit, "离退休干部党支部", GOVERNMENT, Workforce.RETIREES, 15));
        c.maybe(5, () -> c.tree.temporaryBranch(committee, unit, "乡村振兴驻村工作队临时党支部", RURAL,
                Workforce.CIVIL_SERVANTS, 5));
    }

    void street() {
        String street = c.names.next() + "街道";
        String unit = c.place + street;
        PlannedOrg committee = c.baseCommittee(unit, street, COMMUNITY);
        c.numbered(committee, unit, "机关", c.between(1, 2), GOVERNMENT, Workforce.CIVIL_SERVANTS, 14);
        int communities = c.between(5, 14);
        for (int n = 0; n < communities && c.budgetLeft(); n++) {
            neighbourhood(committee, unit, c.names.next() + "社区", COMMUNITY, Workforce.RESIDENTS, 18);
        }
        for (int j = c.random.nextInt(3); j > 0 && c.budgetLeft(); j--) {
            String area = c.names.next() + "商圈";
            c.tree.jointBranch(committee, unit, area + "联合党支部", PRIVATE_ENTERPRISE, area + "非公企业",
                    Workforce.PRIVATE_STAFF, 9);
        }
    }

    /**
     * A village or community: usually one branch; a large one is a 党总支 of 网格 branches, in a community often
     * with a branch of its retired members.
     */
    private void neighbourhood(PlannedOrg committee, String unit, String name, OrganizationCategory category,
                               Workforce workforce, int generalPercent) {
        if (c.random.nextInt(100) >= generalPercent) {
            c.tree.unitBranch(committee, unit + name + "党支部", name + "党支部", unit + name, category, workforce, 28);
            return;
        }
        PlannedOrg general = c.generalBranch(committee, unit, name, category);
        c.numbered(general, unit + name, "网格", c.between(2, 4), category, workforce, 17);
        if (workforce == Workforce.RESIDENTS) {
            c.maybe(70, () -> c.tree.branch(general, unit + name, "离退休党员党支部", category, Workforce.RETIREES, 20));
        }
    }
}
