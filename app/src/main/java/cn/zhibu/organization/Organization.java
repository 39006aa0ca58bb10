package cn.zhibu.organization;

import cn.zhibu.platform.TreePath;

import java.time.LocalDate;

/** One party organization as callers see it. */
public record Organization(long id, Long parentId, long rootId, TreePath path, int depth, String name,
                           String shortName, OrganizationType type, OrganizationCategory category, String unitName,
                           Integer coveredUnits, LocalDate establishedOn, int sortOrder, boolean active,
                           LocalDate dissolvedOn, String dissolvedReason, int version, boolean hasChildren) {

    public String typeLabel() {
        return type.label();
    }

    public String categoryLabel() {
        return category.label();
    }
}
