package cn.zhibu.dues.web;

import cn.zhibu.dues.DuesLedger;
import cn.zhibu.dues.LedgerEntry;
import cn.zhibu.dues.Payer;
import cn.zhibu.dues.PaymentMethod;
import cn.zhibu.dues.RecordedPayment;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

@RestController
@RequestMapping("/api/v1/dues")
@Tag(name = "党费账目", description = "支部登记党员交纳的党费（现金、转账，须有收据号），按账单金额入账、不可改动；更正以冲正分录完成；"
        + "自愿多交一次1000元以上的全额交至中央并登记中组部收据（F6、F7）")
class DuesLedgerApiController {

    private final DuesLedger ledger;

    DuesLedgerApiController(DuesLedger ledger) {
        this.ledger = ledger;
    }

    /** A payment the branch received: months as "2026-11"; the amount is the bills' dues, never sent. */
    record PaymentRequest(
            Long memberId,
            @Schema(description = "所交月份（yyyy-MM）：未交清的账单月份，或本月之后最多6个月（预交）") List<YearMonth> months,
            @Schema(description = "CASH 现金或 TRANSFER 转账（在线支付由党员在手机上完成）") PaymentMethod method,
            @ShortText("收据号") String receiptNo,
            @Schema(description = "SELF 本人、RELATIVE 亲属代交、MEMBER 其他党员代交、WHERE_THEY_LIVE 持《流动党员活动证》在流入地党组织交纳（payerName 为代收组织；F5 第九条）；组织不得代交") Payer payer,
            @NameText("代交人姓名") String payerName,
            @SensibleDate("交纳日期") LocalDate paidOn,
            @Schema(description = "补交（本月以前）或预交（本月以后）时，同意的支部负责人") @NameText("同意人") String consent,
            @Schema(description = "自愿多交的金额（元），可不填；一次1000元以上全额交至中央") BigDecimal extra) {

        RecordedPayment payment() {
            return new RecordedPayment(memberId == null ? 0 : memberId, months, method, receiptNo, payer, payerName,
                    paidOn, consent, extra);
        }
    }

    record ReverseRequest(@NoteText("冲正原因") String reason) {
    }

    record CenterReceiptRequest(@ShortText("中组部收据号") String receiptNo, @SensibleDate("收据日期") LocalDate receivedOn) {
    }

    record Payable(List<DuesLedger.PayableMonth> months) {
    }

    @PostMapping("/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记党费交纳", description = "支部书记或组织管理员为管理范围内的党员登记现金或转账交纳的党费。每月按账单金额入账"
            + "（未出账的预交月份按现核定的金额），不能改动金额；补交最多6个月、预交最多6个月，均须填写同意人（F6，第十二条）；"
            + "extra 为自愿多交，一次1000元以上的全额交至中央（F7）。返回所记的账目（交纳和自愿多交各一笔）")
    List<LedgerEntry> record(DataScope scope, @RequestBody PaymentRequest request) {
        return ledger.record(scope, request.payment());
    }

    @GetMapping("/members/{memberId}/payable")
    @Operation(summary = "可交纳的月份", description = "党员未交清的账单月份及本月之后可预交的月份，各月金额")
    Payable payable(DataScope scope, @PathVariable long memberId) {
        return new Payable(ledger.payableMonths(scope, memberId));
    }

    @GetMapping("/members/{memberId}/ledger")
    @Operation(summary = "党员的党费账目", description = "新的在前；管理者看到管理范围内的党员，党员只看到自己的")
    List<LedgerEntry> memberLedger(DataScope scope, @PathVariable long memberId,
                                   @Parameter(description = "最多返回的条数（1–500）")
                                   @RequestParam(defaultValue = "100") int limit) {
        return ledger.ledgerOf(scope, memberId, limit);
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "一笔党费账目")
    LedgerEntry entry(DataScope scope, @PathVariable long id) {
        return ledger.entry(scope, id);
    }

    @PostMapping("/entries/{id}/reverse")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "冲正", description = "以金额相反的冲正分录更正一笔账目（原账目不修改、不删除）：所交月份的账单恢复为未交，"
            + "每笔账目只能冲正一次，冲正分录不能再冲正；须说明原因")
    LedgerEntry reverse(DataScope scope, @PathVariable long id, @RequestBody ReverseRequest request) {
        return ledger.reverse(scope, id, request.reason());
    }

    @PostMapping("/entries/{id}/center-receipt")
    @Operation(summary = "登记中组部收据", description = "交至中央的自愿多交党费（F7，第十一条）收到中组部收据后登记收据号和日期，只登记一次")
    LedgerEntry centerReceipt(DataScope scope, @PathVariable long id, @RequestBody CenterReceiptRequest request) {
        return ledger.noteCenterReceipt(scope, id, request.receiptNo(), request.receivedOn());
    }
}
