package cn.zhibu.dues.online.web;

import cn.zhibu.dues.online.OnlineReconciliations;
import cn.zhibu.dues.online.Reconciliation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.input.SensibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/dues/online/reconciliations")
@Tag(name = "党费在线交纳")
class OnlineReconciliationApiController {

    private final OnlineReconciliations reconciliations;

    OnlineReconciliationApiController(OnlineReconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    record RunRequest(@SensibleDate("账单日期") LocalDate date) {
    }

    @GetMapping
    @Operation(summary = "最近的对账结果（新的在前）", description = "组织管理员可查看；每次对账列出所管理组织的差异")
    List<Reconciliation> recent(DataScope scope) {
        return reconciliations.recent(scope, 30);
    }

    @GetMapping("/{id}")
    @Operation(summary = "一次对账的结果")
    Reconciliation get(DataScope scope, @PathVariable long id) {
        return reconciliations.find(scope, id).orElseThrow(() -> new NotFoundException("对账记录不存在"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "与微信支付对账", description = "下载 date 当天（北京时间，须早于今天、三个月内）的交易账单，校验其 SHA1 摘要，"
            + "与订单逐笔比对：微信支付已收款而本平台未入账的按账单补记，本平台已入账而账单中没有的、金额不一致的列为差异，"
            + "已退款而本平台未记的按账单冲正。每天也会自动对前一天的账单对账。仅组织管理员")
    Reconciliation run(DataScope scope, @RequestBody RunRequest request) {
        return reconciliations.run(scope, request.date());
    }
}
