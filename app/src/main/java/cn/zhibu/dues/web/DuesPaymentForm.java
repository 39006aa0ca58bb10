package cn.zhibu.dues.web;

import cn.zhibu.dues.Payer;
import cn.zhibu.dues.PaymentMethod;
import cn.zhibu.dues.RecordedPayment;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The branch's payment form as posted: months as ticked ("2026-11"), fields possibly missing (the service says). */
record DuesPaymentForm(Long member, List<String> months, PaymentMethod method, @ShortText("收据号") String receiptNo,
                       Payer payer, @NameText("代交人姓名") String payerName, @SensibleDate("交纳日期") LocalDate paidOn,
                       @NameText("同意人") String consent, BigDecimal extra) {

    static DuesPaymentForm empty(long member) {
        return new DuesPaymentForm(member, List.of(), PaymentMethod.CASH, null, Payer.SELF, null, LocalDate.now(), null,
                null);
    }

    List<YearMonth> yearMonths() {
        return cn.zhibu.dues.DuesMonths.parseTicked("months", months);
    }

    public boolean ticked(YearMonth month) {
        return months != null && months.contains(month.toString());
    }

    RecordedPayment payment() {
        return new RecordedPayment(member == null ? 0 : member, yearMonths(), method, receiptNo, payer, payerName,
                paidOn, consent, extra);
    }
}
