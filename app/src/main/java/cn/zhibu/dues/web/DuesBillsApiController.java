package cn.zhibu.dues.web;

import cn.zhibu.dues.BillRun;
import cn.zhibu.dues.BillStatus;
import cn.zhibu.dues.DuesBill;
import cn.zhibu.dues.DuesBills;
import cn.zhibu.platform.CachedRead;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.NoteText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;

@RestController
@RequestMapping("/api/v1/dues/bills")
@Tag(name = "党费账单", description = "按月为党组织及其下级组织的党员生成党费账单（每人每月一张，金额生成时确定），作废误生成的账单")
class DuesBillsApiController {

    private final DuesBills bills;

    DuesBillsApiController(DuesBills bills) {
        this.bills = bills;
    }

    record BillRunRequest(Long orgId, YearMonth month) {
    }

    record BillVoidRequest(Long memberId, YearMonth month, @NoteText("作废原因") String reason) {
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "生成某月党费账单", description = "为 orgId 及其全部下级组织中应交党费的党员生成 month 月的账单（名册中的正式党员和预备党员，"
            + "自其起交月份起；按适用的基数或已批准的减免；预交过该月的直接记为已交，批准免交的记为免交）。重复生成只补生成缺少的账单。"
            + "同步执行：全省约500万党员在一分钟内完成")
    BillRun make(DataScope scope, @RequestBody BillRunRequest r) {
        if (r.orgId() == null) {
            throw InvalidInputException.of("orgId", "请指定党组织");
        }
        return bills.make(scope, r.orgId(), r.month());
    }

    @GetMapping("/runs")
    @Operation(summary = "账单生成记录", description = "该组织及其下级组织最近的账单生成记录，新的在前")
    List<BillRun> runs(DataScope scope, @RequestParam long orgId, @RequestParam(defaultValue = "20") int limit) {
        return bills.runs(scope, orgId, limit);
    }

    @GetMapping
    @CachedRead
    @Operation(summary = "某月的党费账单", description = "orgId 及其下级组织的党员在 month 月的账单，按组织和党员排列；status 可筛选。"
            + "total 最多计到10001（totalExact 为 false 时表示“10000张以上”）")
    DuesBills.DuesBillPage list(DataScope scope, @RequestParam long orgId,
                            @Parameter(description = "月份，如2026-03；不填为本月") @RequestParam(required = false) YearMonth month,
                            @Parameter(description = "OPEN 未交、PAID 已交、WAIVED 免交、VOID 已作废")
                            @RequestParam(required = false) BillStatus status,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return bills.list(scope, orgId, month, status, page, size);
    }

    @GetMapping("/of-member")
    @Operation(summary = "党员的党费账单", description = "新的在前，最多120个月")
    List<DuesBill> ofMember(DataScope scope, @RequestParam long memberId) {
        return bills.ofMember(scope, memberId);
    }

    @PostMapping("/void")
    @Operation(summary = "作废党费账单", description = "只能作废尚未交纳（未部分交纳）的账单，须填写原因；作废后可重新生成该月账单")
    DuesBill voidBill(DataScope scope, @RequestBody BillVoidRequest r) {
        if (r.memberId() == null) {
            throw InvalidInputException.of("memberId", "请指定党员");
        }
        return bills.voidBill(scope, r.memberId(), r.month(), r.reason());
    }
}
