package cn.zhibu.dues.internal;

import cn.zhibu.dues.ApplicableBase;
import cn.zhibu.dues.DuesBase;
import cn.zhibu.dues.DuesRelief;
import cn.zhibu.dues.DuesSettings;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What one member is billed for a month (DUES.md "Amount of month M"), decided now from their rows: an approved
 * relief covering the month (F4), else the base {@link ApplicableBase} picks (F1a, F5 第十条), from the member's first
 * month (F5). The per-member Java side of {@link BillStatements}' set-based {@code OWING}; the ledger prices a prepaid
 * month with it, so the month costs what its bill later comes to.
 */
@Component
public class BillAmounts {

    private final BaseRows bases;
    private final ReliefRows reliefs;
    private final DuesStartRows starts;
    private final DuesSettings settings;

    BillAmounts(BaseRows bases, ReliefRows reliefs, DuesStartRows starts, DuesSettings settings) {
        this.bases = bases;
        this.reliefs = reliefs;
        this.starts = starts;
        this.settings = settings;
    }

    /** F5: the first month the member owes ({@link ApplicableBase#firstMonth}, with their recorded start if any). */
    public YearMonth firstMonth(long memberId, boolean probationary, LocalDate joinedOn) {
        return firstMonth(memberId, probationary, joinedOn, settings);
    }

    private YearMonth firstMonth(long memberId, boolean probationary, LocalDate joinedOn, DuesSettings settings) {
        return ApplicableBase.firstMonth(starts.firstMonth(memberId).orElse(null), probationary,
                joinedOn == null ? null : YearMonth.from(joinedOn), settings);
    }

    /** The amount the month would be billed at now; empty when the member has neither a relief nor a base for it. */
    public Optional<BigDecimal> amount(long memberId, boolean probationary, LocalDate joinedOn, YearMonth month) {
        return amount(memberId, probationary, joinedOn, month, settings);
    }

    /** The same under other settings (the amount mode), as {@link BillStatements#make} takes them. */
    public Optional<BigDecimal> amount(long memberId, boolean probationary, LocalDate joinedOn, YearMonth month,
                                       DuesSettings settings) {
        Optional<DuesRelief> relief = reliefs.approvedCovering(memberId, month);
        if (relief.isPresent()) {
            return relief.map(DuesRelief::amount);
        }
        List<DuesBase> history = bases.history(memberId);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        YearMonth first = firstMonth(memberId, probationary, joinedOn, settings);
        return ApplicableBase.of(history.stream().map(DuesBase::candidate).toList(), month, first,
                        settings.amountMode())
                .flatMap(c -> history.stream().filter(b -> b.id() == c.id()).findFirst())
                .map(DuesBase::amount);
    }
}
