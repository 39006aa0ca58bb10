package cn.zhibu.generator;

import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Adds organizations in depth-first order, sizes branches from the county's member budget and splits large
 * branches into 党小组. Names are the full name (prefix + label) with the label as the short name.
 */
final class TreeBuilder {

    /** Branches above this size may be split into 党小组. */
    private static final int GROUPS_ABOVE = 30;
    private static final int GROUPS_PERCENT = 20;
    private static final int MEMBERS_PER_GROUP = 11;

    private final RandomGenerator random;
    private final LocalDate today;
    private final BranchSizes sizes;
    private final List<PlannedOrg> orgs = new ArrayList<>();
    private MemberBudget budget = new MemberBudget(0);

    TreeBuilder(RandomGenerator random, LocalDate today) {
        this.random = random;
        this.today = today;
        this.sizes = new BranchSizes(random);
    }

    RandomGenerator random() {
        return random;
    }

    List<PlannedOrg> orgs() {
        return orgs;
    }

    void useBudget(MemberBudget budget) {
        this.budget = budget;
    }

    boolean budgetLeft() {
        return !budget.exhausted();
    }

    /** An organization that holds no members itself: 党委 or 党总支. */
    PlannedOrg committee(PlannedOrg parent, OrganizationType type, OrganizationCategory category, String name,
                         String shortName, String unitName) {
        return add(parent, type, category, name, shortName, unitName, null, establishedUnder(parent), null);
    }

    /** A 党支部 named {@code prefix + label} of about {@code median} members, or null when the budget is spent. */
    PlannedOrg branch(PlannedOrg parent, String prefix, String label, OrganizationCategory category,
                      Workforce workforce, int median) {
        return holder(parent, OrganizationType.BRANCH, category, prefix + label, label, null, null, workforce, median);
    }

    /** The 党支部 of a whole unit (a village, a small department, school or company), named after it. */
    PlannedOrg unitBranch(PlannedOrg parent, String name, String shortName, String unitName,
                          OrganizationCategory category, Workforce workforce, int median) {
        return holder(parent, OrganizationType.BRANCH, category, name, shortName, unitName, null, workforce, median);
    }

    /** A 联合党支部 covering 2–5 units (B1: at most five). */
    PlannedOrg jointBranch(PlannedOrg parent, String prefix, String label, OrganizationCategory category,
                           String unitName, Workforce workforce, int median) {
        return holder(parent, OrganizationType.JOINT_BRANCH, category, prefix + label, label, unitName,
                2 + random.nextInt(4), workforce, median);
    }

    /** A 临时党支部 of a project or task force, set up within the past months. */
    PlannedOrg temporaryBranch(PlannedOrg parent, String prefix, String label, OrganizationCategory category,
                               Workforce workforce, int median) {
        return holder(parent, OrganizationType.TEMPORARY_BRANCH, category, prefix + label, label, null, null, workforce,
                median);
    }

    private PlannedOrg holder(PlannedOrg parent, OrganizationType type, OrganizationCategory category, String name,
                              String shortName, String unitName, Integer coveredUnits, Workforce workforce, int median) {
        int size = budget.take(sizes.draw(median));
        if (size == 0) {
            return null;
        }
        LocalDate established = type == OrganizationType.TEMPORARY_BRANCH
                ? today.minusDays(30 + random.nextInt(180)) : establishedUnder(parent);
        PlannedOrg branch = add(parent, type, category, name, shortName, unitName, coveredUnits, established,
                workforce);
        if (size > GROUPS_ABOVE && random.nextInt(100) < GROUPS_PERCENT) {
            splitIntoGroups(branch, size);
        } else {
            branch.members = size;
        }
        return branch;
    }

    private void splitIntoGroups(PlannedOrg branch, int size) {
        int groups = Math.max(2, Math.min(5, Math.round(size / (float) MEMBERS_PER_GROUP)));
        for (int g = 1; g <= groups; g++) {
            String label = ChineseNumerals.ordinal(g) + "党小组";
            PlannedOrg group = add(branch, OrganizationType.GROUP, branch.category, branch.name + label, label, null,
                    null, establishedUnder(branch), branch.workforce);
            group.members = size / groups + (g <= size % groups ? 1 : 0);
        }
    }

    private PlannedOrg add(PlannedOrg parent, OrganizationType type, OrganizationCategory category, String name,
                           String shortName, String unitName, Integer coveredUnits, LocalDate established,
                           Workforce workforce) {
        PlannedOrg org = new PlannedOrg(orgs.size(), parent, type, category, name, shortName, unitName, coveredUnits,
                established, workforce);
        orgs.add(org);
        return org;
    }

    /** After the parent was set up and at least a year ago; the province itself dates from 1949. */
    private LocalDate establishedUnder(PlannedOrg parent) {
        if (parent == null) {
            return LocalDate.of(1949, 10, 1);
        }
        long span = ChronoUnit.DAYS.between(parent.establishedOn, today.minusYears(1));
        return span <= 0 ? parent.establishedOn : parent.establishedOn.plusDays(random.nextLong(span));
    }
}
