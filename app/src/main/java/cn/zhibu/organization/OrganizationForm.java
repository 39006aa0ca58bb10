package cn.zhibu.organization;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.SensibleDate;

import java.time.LocalDate;

/** What a user fills in to create or edit an organization. Validated by the service, in Chinese. */
public record OrganizationForm(Long parentId, @NameText("组织名称") String name, @NameText("简称") String shortName,
                               OrganizationType type, OrganizationCategory category,
                               @NameText("所在单位") String unitName, Integer coveredUnits,
                               @SensibleDate("成立日期") LocalDate establishedOn,
                               Integer sortOrder) {
}
