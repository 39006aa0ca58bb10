package cn.zhibu.demo;

import cn.zhibu.member.Gender;
import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationType;

import java.util.List;

/**
 * One organization of the demo tree as data: what to create, how many members to put in it and what kind of
 * committee it has. Built with {@link DemoTree}'s factories and adjusted with the {@code with…} methods.
 *
 * @param workUnits    the unit(s) its members work in; several only for a 联合党支部
 * @param members      members to register (branches only)
 * @param probationary how many of them are 预备党员; null for a random ~10 %
 * @param groups       党小组 to split the members into; 0 keeps them in the branch itself
 * @param named        fixed people registered first, in order; the first one becomes the secretary
 */
record OrgPlan(String name, String shortName, OrganizationType type, OrganizationCategory category,
               List<String> workUnits, int members, Integer probationary, TermPlan term, Workforce workforce,
               int groups, List<NamedPerson> named, List<OrgPlan> children) {

    /** A demo person whose name the demo accounts or tests rely on. */
    record NamedPerson(String name, Gender gender) {
    }

    boolean isBranch() {
        return type.isBranch();
    }

    String unitName() {
        return workUnits.isEmpty() ? null : String.join("、", workUnits);
    }

    Integer coveredUnits() {
        return type == OrganizationType.JOINT_BRANCH ? workUnits.size() : null;
    }

    OrgPlan withGroups(int count) {
        return new OrgPlan(name, shortName, type, category, workUnits, members, probationary, term, workforce,
                count, named, children);
    }

    OrgPlan withProbationary(int count) {
        return new OrgPlan(name, shortName, type, category, workUnits, members, count, term, workforce, groups,
                named, children);
    }

    OrgPlan withNamed(NamedPerson... people) {
        return new OrgPlan(name, shortName, type, category, workUnits, members, probationary, term, workforce,
                groups, List.of(people), children);
    }

    OrgPlan withWorkforce(Workforce staff) {
        return new OrgPlan(name, shortName, type, category, workUnits, members, probationary, term, staff, groups,
                named, children);
    }

    OrgPlan withUnit(String unit) {
        return new OrgPlan(name, shortName, type, category, List.of(unit), members, probationary, term, workforce,
                groups, named, children);
    }

    OrgPlan withTerm(TermPlan plan) {
        return new OrgPlan(name, shortName, type, category, workUnits, members, probationary, plan, workforce,
                groups, named, children);
    }

    /** A 联合党支部 or 临时党支部 instead of an ordinary branch, with the unit(s) its members come from. */
    OrgPlan withType(OrganizationType branchType, String... units) {
        return new OrgPlan(name, shortName, branchType, category, List.of(units), members, probationary, term,
                workforce, groups, named, children);
    }

    /** Gives this plan and its descendants the unit of their parent where they name none of their own. */
    OrgPlan inheritingUnit(List<String> parentUnits) {
        List<String> units = workUnits.isEmpty() ? parentUnits : workUnits;
        List<OrgPlan> kids = children.stream().map(c -> c.inheritingUnit(units)).toList();
        return new OrgPlan(name, shortName, type, category, units, members, probationary, term, workforce, groups,
                named, kids);
    }
}
