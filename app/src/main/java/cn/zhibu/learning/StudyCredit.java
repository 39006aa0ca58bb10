package cn.zhibu.learning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 学时 for one member from one source: a completed course, a class, a 党课 or meeting attended (with check-out), a
 * training recorded from a certificate. Crediting the same (member, source, sourceId) again replaces the hours.
 *
 * @param concentrated whether it counts as a concentrated training (集中培训, T2): a completed class
 */
public record StudyCredit(long memberId, StudySource source, long sourceId, String label, BigDecimal hours,
                          LocalDate creditedOn, boolean concentrated) {

    public StudyCredit {
        Objects.requireNonNull(source);
        Objects.requireNonNull(label);
        Objects.requireNonNull(creditedOn);
        if (hours == null || hours.signum() < 0) {
            throw new IllegalArgumentException("hours");
        }
    }
}
