package cn.zhibu.life.compliance;

import java.time.Instant;

/**
 * A higher committee's exemption of an organization, as shown: the kind ({@code kind} null: every kind), the period
 * ({@code period} as 2026-03, 2026-Q1 or 2026), why, who granted it and when.
 */
public record ComplianceExemption(long id, long orgId, String orgName, String kind, String kindLabel, String period,
                                  String periodLabel, String reason, String createdBy, Instant createdAt) {
}
