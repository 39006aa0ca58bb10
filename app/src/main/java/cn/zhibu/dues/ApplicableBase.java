package cn.zhibu.dues;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which recorded base a month is billed on (RULES.md F1a, F5 第十条) — the one place in Java that decides it; the bill
 * run's SQL ({@code internal.BillStatements}) restates it set-based, and {@code F1a_F5_...} tests hold the two
 * together; {@code internal.BillAmounts} applies it to one member's rows (the ledger's prepaid months). A row <em>counts</em> for month M when it was effective by M and
 * <ul>
 *   <li>under {@link AmountMode#MONTHLY}, or for a category whose base {@linkplain DuesCategory#variesWithinYear()
 *       varies within the year} (年薪制, 个体经营), at once;</li>
 *   <li>under {@link AmountMode#YEARLY} (年初核定), when it was effective by January of M's year — or by the member's
 *       first month, if later (a new 预备党员's first base counts from their first month).</li>
 * </ul>
 * Of the rows that count, the latest effective month wins, and within a month the latest recorded (a correction).
 */
public final class ApplicableBase {

    /** What the rule needs of a recorded base. */
    public record Candidate(long id, YearMonth effectiveMonth, DuesCategory category) {
    }

    private static final Comparator<Candidate> LATEST = Comparator.comparing(Candidate::effectiveMonth)
            .thenComparingLong(Candidate::id);

    private ApplicableBase() {
    }

    /** The base month {@code month} is billed on, of a member whose dues start at {@code firstMonth}; empty: none. */
    public static Optional<Candidate> of(List<Candidate> rows, YearMonth month, YearMonth firstMonth,
                                         AmountMode mode) {
        return rows.stream().filter(r -> counts(r, month, firstMonth, mode)).max(LATEST);
    }

    /** Whether a row counts for the month (see the class comment). */
    public static boolean counts(Candidate row, YearMonth month, YearMonth firstMonth, AmountMode mode) {
        if (row.effectiveMonth().isAfter(month)) {
            return false;
        }
        if (mode == AmountMode.MONTHLY || row.category().variesWithinYear()) {
            return true;
        }
        YearMonth january = YearMonth.of(month.getYear(), 1);
        YearMonth cut = firstMonth != null && firstMonth.isAfter(january) ? firstMonth : january;
        return !row.effectiveMonth().isAfter(cut);
    }

    /**
     * F5: the first month a member owes — a recorded start (the admitting meeting, a restoration), else for a 预备党员
     * the month they joined (the next one under {@link ProbationStart#NEXT_MONTH}), else the platform's first month;
     * never before the platform's first month.
     */
    public static YearMonth firstMonth(YearMonth recordedStart, boolean probationary, YearMonth joined,
                                       DuesSettings settings) {
        YearMonth first;
        if (recordedStart != null) {
            first = recordedStart;
        } else if (probationary && joined != null) {
            first = settings.probationStart() == ProbationStart.NEXT_MONTH ? joined.plusMonths(1) : joined;
        } else {
            first = settings.firstMonth();
        }
        return first.isBefore(settings.firstMonth()) ? settings.firstMonth() : first;
    }
}
