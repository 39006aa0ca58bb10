package cn.zhibu.life.compliance;

import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;

/**
 * An exemption asked for: the organization, the period ({@code 2026-03}, {@code 2026-Q1} or {@code 2026}), the kind
 * (blank: every kind) and the reason (required).
 */
public record ExemptionForm(Long orgId, @ShortText("期间") String period, @ShortText("类型") String kind,
                            @NoteText("豁免原因") String reason) {
}
