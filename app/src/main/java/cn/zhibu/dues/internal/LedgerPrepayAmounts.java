package cn.zhibu.dues.internal;

import cn.zhibu.dues.AmountMode;
import cn.zhibu.dues.DuesCategory;
import cn.zhibu.dues.DuesSettings;
import cn.zhibu.dues.ProbationStart;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * What a member would be billed for a month not yet billed, from what is known now (DUES.md "Amount of month M"): an
 * approved reduction covering the month, else the applicable base row under the amount mode; empty when the member
 * has no base (nothing can be prepaid before the base is set). A prepaid month's allocation is this amount.
 */
@Component
class LedgerPrepayAmounts {

    private final JdbcClient jdbc;
    private final DuesSettings settings;

    LedgerPrepayAmounts(JdbcClient jdbc, DuesSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Optional<BigDecimal> amount(LedgerRecords.RegistryMember member, YearMonth month) {
        Optional<BigDecimal> relief = jdbc.sql("""
                        select amount from dues_relief where member_id = ? and status = 'APPROVED'
                          and from_month <= ? and to_month >= ? order by id desc limit 1""")
                .params(member.memberId(), month.atDay(1), month.atDay(1)).query(BigDecimal.class).optional();
        if (relief.isPresent()) {
            return relief;
        }
        Optional<BaseRow> latest = baseUpTo(member.memberId(), month);
        if (latest.isEmpty() || settings.amountMode() == AmountMode.MONTHLY
                || DuesCategory.valueOf(latest.get().category()).variesWithinYear()) {
            return latest.map(BaseRow::amount);
        }
        YearMonth january = YearMonth.of(month.getYear(), 1);
        YearMonth first = firstMonth(member);
        return baseUpTo(member.memberId(), first.isAfter(january) ? first : january).map(BaseRow::amount);
    }

    private record BaseRow(String category, BigDecimal amount) {
    }

    private Optional<BaseRow> baseUpTo(long memberId, YearMonth month) {
        return jdbc.sql("""
                        select category, amount from dues_base where member_id = ? and effective_month <= ?
                        order by effective_month desc, id desc limit 1""")
                .params(memberId, month.atDay(1))
                .query((rs, i) -> new BaseRow(rs.getString(1), rs.getBigDecimal(2))).optional();
    }

    /** The member's first month (F5): dues_start, else a 预备党员's admitting month, else the platform's first. */
    private YearMonth firstMonth(LedgerRecords.RegistryMember member) {
        Optional<LocalDate> start = jdbc.sql("select first_month from dues_start where member_id = ?")
                .param(member.memberId()).query(LocalDate.class).optional();
        YearMonth first = start.map(YearMonth::from).orElseGet(() -> {
            if ("PROBATIONARY".equals(member.status()) && member.joinedOn() != null) {
                YearMonth joined = YearMonth.from(member.joinedOn());
                return settings.probationStart() == ProbationStart.NEXT_MONTH ? joined.plusMonths(1) : joined;
            }
            return settings.firstMonth();
        });
        return first.isBefore(settings.firstMonth()) ? settings.firstMonth() : first;
    }
}
