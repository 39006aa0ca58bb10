package cn.zhibu.dues.online.web;

import cn.zhibu.dues.online.OnlineOrder;
import cn.zhibu.dues.online.OnlinePayments;
import cn.zhibu.dues.online.OnlineRefunds;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NoteText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

@RestController
@RequestMapping("/api/v1/dues/online")
@Tag(name = "党费在线交纳")
class OnlineOrderApiController {

    private final OnlinePayments payments;
    private final OnlineRefunds refunds;

    OnlineOrderApiController(OnlinePayments payments, OnlineRefunds refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    /** What a member posts to pay: the months (yyyy-MM) and/or a voluntary extra in 元. */
    record OrderRequest(List<YearMonth> months, BigDecimal extra) {
    }

    record RefundRequest(@NoteText("退款原因") String reason) {
    }

    /** An order as the API shows it, with the address the phone pays at while it is unpaid (its owner only). */
    record OrderView(OnlineOrder order, String payUrl) {
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "党员本人在线交纳党费（下单）",
            description = "months 为要交纳的月份（yyyy-MM，须为欠交的月份，或在预交期限内尚未出账的月份；补交、预交各不超过6个月，"
                    + "金额由党费台账计算），extra 为自愿多交的金额（元，可为0）。返回订单及 payUrl（微信支付H5页面，"
                    + "支付后返回本平台的订单页面）。只能为自己交纳；未开通在线交纳时返回 503")
    OrderView place(DataScope scope, @RequestBody OrderRequest request, HttpServletRequest http) {
        OnlineOrder order = payments.place(scope, request.months(), request.extra(), http.getRemoteAddr());
        return new OrderView(order, payments.payUrl(order));
    }

    @GetMapping("/orders")
    @Operation(summary = "我的在线交纳订单（新的在前）")
    List<OnlineOrder> mine(DataScope scope) {
        return payments.mine(scope);
    }

    @GetMapping("/orders/{id}")
    @Operation(summary = "在线交纳订单", description = "党员本人或管理该党员的书记可查看；尚未收到支付通知时向微信支付查询订单状态。"
            + "他人的订单返回 404")
    OrderView get(DataScope scope, @PathVariable long id) {
        OnlineOrder order = payments.refresh(scope, id);
        boolean own = scope.selfMemberId() != null && scope.selfMemberId() == order.memberId();
        return new OrderView(order, own && order.status() == cn.zhibu.dues.online.OnlineOrderStatus.CREATED
                ? payments.payUrl(order) : null);
    }

    @PostMapping("/orders/{id}/refund")
    @Operation(summary = "退还误缴的在线交纳（全额）", description = "由管理该党员的书记或组织管理员发起，须说明原因；"
            + "微信支付退款成功后，党费台账以冲正记录冲销原交纳。仅已交纳的订单可退款")
    OnlineOrder refund(DataScope scope, @PathVariable long id, @RequestBody RefundRequest request) {
        return refunds.refund(scope, id, request.reason());
    }
}
