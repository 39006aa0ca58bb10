package cn.zhibu.generator;

import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationType;

import java.time.LocalDate;

/**
 * One organization of the planned province. Organizations are numbered depth-first (id = index + 1), so every
 * subtree is the contiguous range {@code [index, subtreeEnd)}.
 */
final class PlannedOrg {

    final int index;
    final PlannedOrg parent;
    final OrganizationType type;
    final OrganizationCategory category;
    final String name;
    final String shortName;
    final String unitName;
    final Integer coveredUnits;
    final LocalDate establishedOn;
    final int sortOrder;
    final String path;
    final int depth;
    /** Who its members are; null for organizations that hold no members. */
    final Workforce workforce;

    /** Members placed directly in this organization (a branch with 党小组 keeps none itself). */
    int members;
    int subtreeEnd;
    private int children;

    PlannedOrg(int index, PlannedOrg parent, OrganizationType type, OrganizationCategory category, String name,
               String shortName, String unitName, Integer coveredUnits, LocalDate establishedOn, Workforce workforce) {
        this.index = index;
        this.parent = parent;
        this.type = type;
        this.category = category;
        this.name = name;
        this.shortName = shortName;
        this.unitName = unitName;
        this.coveredUnits = coveredUnits;
        this.establishedOn = establishedOn;
        this.workforce = workforce;
        this.sortOrder = parent == null ? 1 : ++parent.children;
        this.path = (parent == null ? "/" : parent.path) + id() + "/";
        this.depth = parent == null ? 1 : parent.depth + 1;
        this.subtreeEnd = index + 1;
    }

    long id() {
        return index + 1L;
    }

    long rootId() {
        PlannedOrg org = this;
        while (org.parent != null) {
            org = org.parent;
        }
        return org.id();
    }
}
