package cn.zhibu.dues.web;

import cn.zhibu.dues.DuesRemittances;
import cn.zhibu.dues.LedgerEntry;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
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
@RequestMapping("/api/v1/dues/remittances")
@Tag(name = "党费上缴", description = "党组织向上级党委上缴党费的登记，及各组织某一期间应缴（收缴的党费）与已缴的对照")
class DuesRemittanceApiController {

    private final DuesRemittances remittances;

    DuesRemittanceApiController(DuesRemittances remittances) {
        this.remittances = remittances;
    }

    record RemittanceRequest(Long orgId,
                             @Schema(description = "上缴所属期间的起始月份（yyyy-MM）") YearMonth periodFrom,
                             @Schema(description = "上缴所属期间的截止月份（yyyy-MM），不晚于本月") YearMonth periodTo,
                             @Schema(description = "上缴金额（元）") BigDecimal amount,
                             @SensibleDate("上缴日期") LocalDate paidOn,
                             @ShortText("收据号") String receiptNo) {

        DuesRemittances.Remittance remittance() {
            return new DuesRemittances.Remittance(orgId == null ? 0 : orgId, periodFrom, periodTo, amount, paidOn,
                    receiptNo);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记上缴", description = "管理范围内的党组织向其上级党委上缴党费：期间、金额、日期和上级开具的收据号；"
            + "登记错误的以冲正更正（POST /api/v1/dues/entries/{id}/reverse）")
    LedgerEntry record(DataScope scope, @RequestBody RemittanceRequest request) {
        return remittances.record(scope, request.remittance());
    }

    @GetMapping
    @Operation(summary = "某组织的上缴记录", description = "新的在前，含冲正")
    List<LedgerEntry> list(DataScope scope, @Parameter(description = "党组织编号") @RequestParam long org) {
        return remittances.remittancesOf(scope, org);
    }

    @GetMapping("/period")
    @Operation(summary = "应缴与已缴对照", description = "该组织及其直属下级组织：期间内收缴的党费（各月所交党费及自愿多交，含下级）"
            + "与截止月份在期间内的上缴（含下级），以元计")
    List<DuesRemittances.PeriodLine> period(DataScope scope, @RequestParam long org,
                                            @Parameter(description = "起始月份 yyyy-MM") @RequestParam YearMonth from,
                                            @Parameter(description = "截止月份 yyyy-MM") @RequestParam YearMonth to) {
        return remittances.period(scope, org, from, to);
    }
}
