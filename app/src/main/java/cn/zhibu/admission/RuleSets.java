package cn.zhibu.admission;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which rule set is in force on a date. The 2014 rules are the default; the reported 2026 revision applies from
 * {@code zhibu.admission.rules-2026-from} when an administrator sets it (unset: never, since its text is unconfirmed).
 */
@Component
public class RuleSets {

    private final LocalDate from2026;
    private final int activistMinMonths;

    RuleSets(@Value("${zhibu.admission.rules-2026-from:}") String from2026,
             @Value("${zhibu.admission.activist-min-months:0}") int activistMinMonths) {
        this.from2026 = from2026 == null || from2026.isBlank() ? null : LocalDate.parse(from2026.trim());
        if (activistMinMonths < 0 || activistMinMonths > 24) {
            throw new IllegalArgumentException("zhibu.admission.activist-min-months must be 0–24, not " + activistMinMonths);
        }
        this.activistMinMonths = activistMinMonths;
    }

    public static RuleSets of(LocalDate from2026) {
        return of(from2026, 0);
    }

    public static RuleSets of(LocalDate from2026, int activistMinMonths) {
        return new RuleSets(from2026 == null ? "" : from2026.toString(), activistMinMonths);
    }

    /**
     * D4 (local): months an applicant waits before being chosen as an activist. None nationally; some provinces ask
     * 3–6 months. Default 0.
     */
    public int activistMinMonths() {
        return activistMinMonths;
    }

    public RuleSet inForce(LocalDate day) {
        return from2026 != null && !day.isBefore(from2026) ? RuleSet.V2026 : RuleSet.V2014;
    }

    public Optional<LocalDate> revision2026From() {
        return Optional.ofNullable(from2026);
    }
}
