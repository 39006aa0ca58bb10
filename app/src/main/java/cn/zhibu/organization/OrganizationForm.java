package cn.zhibu.organization;

import java.time.LocalDate;

/** What a user fills in to create or edit an organization. Validated by the service, in Chinese. */
public record OrganizationForm(Long parentId, String name, String shortName, OrganizationType type,
                               OrganizationCategory category, String unitName, Integer coveredUnits,
                               LocalDate establishedOn, Integer sortOrder) {
}
