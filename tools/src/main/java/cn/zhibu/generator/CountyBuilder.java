package cn.zhibu.generator;

import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** One county being built: its committee, its name and kind, and the building blocks its units are made of. */
final class CountyBuilder {

    final TreeBuilder tree;
    final RandomGenerator random;
    final PlannedOrg county;
    /** The county's name, which prefixes the names of its units: 青山县. */
    final String place;
    final CountyKind kind;
    /** Names of towns, villages, communities, companies …, unique within the county. */
    final PlaceNames names;
    private final Map<String, PlannedOrg> workingCommittees = new HashMap<>();

    CountyBuilder(TreeBuilder tree, PlannedOrg county, String place, CountyKind kind) {
        this.tree = tree;
        this.random = tree.random();
        this.county = county;
        this.place = place;
        this.kind = kind;
        this.names = new PlaceNames(random);
    }

    boolean budgetLeft() {
        return tree.budgetLeft();
    }

    /**
     * The county's 工作委员会 of a sector (县直机关工委, 教育工委), made when its first unit is: departments and
     * schools too small for a 基层党委 of their own sit under it as 党总支 or 党支部.
     */
    PlannedOrg workingCommittee(String label, OrganizationCategory category) {
        return workingCommittees.computeIfAbsent(label, l -> tree.committee(county,
                OrganizationType.WORKING_COMMITTEE, category, "中共" + place + l + "工作委员会",
                kind.suffix() + l + "工委", null));
    }

    /** 青山县桃湾镇党委 (short name 桃湾镇党委); with a qualifier 青山县教育局机关党委. */
    PlannedOrg baseCommittee(PlannedOrg parent, String unit, String shortUnit, String qualifier,
                             OrganizationCategory category) {
        return tree.committee(parent, OrganizationType.BASE_COMMITTEE, category, unit + qualifier + "党委",
                shortUnit + qualifier + "党委", unit);
    }

    PlannedOrg baseCommittee(String unit, String shortUnit, OrganizationCategory category) {
        return baseCommittee(county, unit, shortUnit, "", category);
    }

    /** 青山县桃湾镇桃园村党总支, short name 桃园村党总支, of the unit 青山县桃湾镇桃园村. */
    PlannedOrg generalBranch(PlannedOrg parent, String prefix, String label, OrganizationCategory category) {
        return tree.committee(parent, OrganizationType.GENERAL_BRANCH, category, prefix + label + "党总支",
                label + "党总支", prefix + label);
    }

    /** The 党总支 of a whole unit too small for a 党委, such as 青山县教育局机关党总支. */
    PlannedOrg unitGeneralBranch(PlannedOrg parent, String name, String shortName, String unit,
                                 OrganizationCategory category) {
        return tree.committee(parent, OrganizationType.GENERAL_BRANCH, category, name, shortName, unit);
    }

    /** 第一党支部, 第二党支部 … or, with a qualifier, 机关第一党支部, 学生第二党支部 … */
    void numbered(PlannedOrg parent, String prefix, String qualifier, int count, OrganizationCategory category,
                  Workforce workforce, int median) {
        for (int n = 1; n <= count && budgetLeft(); n++) {
            tree.branch(parent, prefix, qualifier + ChineseNumerals.ordinal(n) + "党支部", category, workforce, median);
        }
    }

    /** Runs {@code build} with the given chance, while members are left to place. */
    void maybe(int percent, Runnable build) {
        if (random.nextInt(100) < percent && budgetLeft()) {
            build.run();
        }
    }

    /** A number in {@code [from, to]}. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    <T> T any(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
