package cn.zhibu.dues.web;

import cn.zhibu.dues.DuesMonths;
import cn.zhibu.dues.DuesRemittances;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** The 上缴 form as posted: months as the browser's month inputs send them ("2026-03"), fields possibly missing. */
record DuesRemittanceForm(Long org, String periodFrom, String periodTo, BigDecimal amount,
                          @SensibleDate("上缴日期") LocalDate paidOn, @ShortText("收据号") String receiptNo) {

    static DuesRemittanceForm empty(long org) {
        YearMonth current = YearMonth.now();
        return new DuesRemittanceForm(org, current.withMonth(1).toString(), current.toString(), null, LocalDate.now(),
                null);
    }

    /** What the service checks; a month that is not yyyy-MM is refused here, naming its field. */
    DuesRemittances.Remittance remittance() {
        FieldErrors errors = new FieldErrors();
        YearMonth from = month(periodFrom, "periodFrom", errors);
        YearMonth to = month(periodTo, "periodTo", errors);
        errors.throwIfAny();
        return new DuesRemittances.Remittance(org == null ? 0 : org, from, to, amount, paidOn, receiptNo);
    }

    private static YearMonth month(String value, String field, FieldErrors errors) {
        return DuesMonths.parse(errors, field, value);
    }
}
