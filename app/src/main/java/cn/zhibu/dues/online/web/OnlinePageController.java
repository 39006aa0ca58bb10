package cn.zhibu.dues.online.web;

import cn.zhibu.dues.OpenBill;
import cn.zhibu.dues.online.OnlineOrder;
import cn.zhibu.dues.online.OnlineOrderStatus;
import cn.zhibu.dues.online.OnlinePayments;
import cn.zhibu.dues.online.OnlineReconciliations;
import cn.zhibu.dues.online.OnlineRefunds;
import cn.zhibu.dues.DuesMonths;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.ServiceNotConfiguredException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 党费 paid online in the browser, phone first: the member's pay page and their order's page (which asks the provider
 * while the notification has not come), the branch's list of online payments with refunds (confirmed), and the
 * 组织管理员's reconciliation page.
 */
@Controller
class OnlinePageController {

    private static final int PAGE_SIZE = 20;
    private static final int PREPAY_OFFERED = 6;

    private final OnlinePayments payments;
    private final OnlineRefunds refunds;
    private final OnlineReconciliations reconciliations;

    OnlinePageController(OnlinePayments payments, OnlineRefunds refunds, OnlineReconciliations reconciliations) {
        this.payments = payments;
        this.refunds = refunds;
        this.reconciliations = reconciliations;
    }

    @GetMapping("/dues/online/pay")
    String payPage(DataScope scope, Model model) {
        return pay(scope, model, Set.of(), null, Map.of());
    }

    @PostMapping("/dues/online/pay")
    String place(DataScope scope, @RequestParam(required = false) List<String> months,
                 @RequestParam(required = false) String extra, HttpServletRequest request, Model model) {
        Set<YearMonth> chosen;
        try {
            chosen = new LinkedHashSet<>(DuesMonths.parseTicked("months", months));
        } catch (InvalidInputException e) {
            return pay(scope, model, Set.of(), extra, e.fieldErrors());
        }
        BigDecimal gift;
        try {
            gift = extra == null || extra.isBlank() ? BigDecimal.ZERO : new BigDecimal(extra.strip());
        } catch (NumberFormatException e) {
            return pay(scope, model, chosen, extra, Map.of("extra", "自愿多交的金额应为数字，如 50 或 50.00"));
        }
        try {
            OnlineOrder order = payments.place(scope, new ArrayList<>(chosen), gift, request.getRemoteAddr());
            return "redirect:/dues/online/orders/" + order.id();
        } catch (InvalidInputException e) {
            return pay(scope, model, chosen, extra, e.fieldErrors());
        } catch (ServiceNotConfiguredException e) {
            return pay(scope, model, chosen, extra, Map.of("provider", e.getMessage()));
        }
    }

    private String pay(DataScope scope, Model model, Set<YearMonth> chosen, String extra, Map<String, String> errors) {
        model.addAttribute("available", payments.available());
        model.addAttribute("isMember", scope.selfMemberId() != null);
        model.addAttribute("errors", errors);
        model.addAttribute("chosen", chosen.stream().map(YearMonth::toString).toList());
        model.addAttribute("extra", extra);
        if (payments.available() && scope.selfMemberId() != null) {
            List<OpenBill> open = payments.openBills(scope);
            model.addAttribute("openBills", open);
            YearMonth current = YearMonth.now(ZoneId.of("Asia/Shanghai"));
            YearMonth after = open.stream().map(OpenBill::month).filter(m -> !m.isBefore(current)).max(YearMonth::compareTo)
                    .orElse(current);
            List<YearMonth> prepay = new ArrayList<>();
            for (int i = 1; i <= PREPAY_OFFERED; i++) {
                prepay.add(after.plusMonths(i));
            }
            model.addAttribute("prepayMonths", prepay);
            model.addAttribute("orders", payments.mine(scope).stream().limit(5).toList());
        }
        return "dues/online/pay";
    }

    @GetMapping("/dues/online/orders/{id}")
    String order(DataScope scope, @PathVariable long id, Model model) {
        return orderModel(scope, payments.refresh(scope, id), model, "dues/online/order");
    }

    /** The status part of the order page, which the page polls (htmx) while it is unpaid. */
    @GetMapping("/dues/online/orders/{id}/status")
    String status(DataScope scope, @PathVariable long id, Model model) {
        return orderModel(scope, payments.refresh(scope, id), model, "dues/online/order :: status");
    }

    private String orderModel(DataScope scope, OnlineOrder order, Model model, String view) {
        boolean own = scope.selfMemberId() != null && scope.selfMemberId() == order.memberId();
        model.addAttribute("order", order);
        model.addAttribute("own", own);
        model.addAttribute("payUrl", own && order.status() == OnlineOrderStatus.CREATED ? payments.payUrl(order) : null);
        model.addAttribute("canRefund", !own && order.status() == OnlineOrderStatus.PAID && scope.hasManagedScope());
        return view;
    }

    @GetMapping("/dues/online/orders")
    String managed(DataScope scope, @RequestParam(defaultValue = "0") int page, Model model) {
        long total = payments.countManaged(scope);
        int pages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("orders", payments.managed(scope, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("pager", new Pager(Math.max(page, 0), pages, total));
        model.addAttribute("baseUrl", "/dues/online/orders?");
        model.addAttribute("manages", scope.hasManagedScope());
        model.addAttribute("reconciles", reconciliations.mayReconcile(scope));
        model.addAttribute("available", payments.available());
        return "dues/online/orders";
    }

    @GetMapping("/dues/online/orders/{id}/refund")
    String refundForm(DataScope scope, @PathVariable long id, Model model) {
        OnlineOrder order = payments.get(scope, id);
        if (scope.selfMemberId() != null && scope.selfMemberId() == order.memberId() && !scope.hasManagedScope()) {
            throw new cn.zhibu.platform.NotFoundException("订单不存在");
        }
        model.addAttribute("order", order);
        model.addAttribute("errors", Map.of());
        model.addAttribute("reason", "");
        return "dues/online/refund";
    }

    @PostMapping("/dues/online/orders/{id}/refund")
    String refund(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        OnlineOrder order = payments.get(scope, id);
        if (!scope.managesMembersAt(pathOf(scope, order))) {
            throw new cn.zhibu.platform.NotFoundException("订单不存在");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500 || Confirmation.revising(request)) {
            model.addAttribute("order", order);
            model.addAttribute("reason", why);
            model.addAttribute("errors", why.isEmpty() || why.length() > 500
                    ? Map.of("reason", "请说明退款原因（不超过500字）") : Map.of());
            return "dues/online/refund";
        }
        if (!Confirmation.confirmed(request)) {
            return Confirmation.of(request, "退还在线交纳", "确定将这笔在线交纳的党费全额退还给党员吗？退款成功后，台账以冲正记录冲销原交纳，不可撤回。",
                    List.of(Confirmation.line("商户订单号", order.outTradeNo()),
                            Confirmation.line("金额", order.total() + " 元"),
                            Confirmation.line("月份", order.months().isEmpty() ? "（自愿多交）" : order.months().toString()),
                            Confirmation.line("退款原因", why)), List.of()).show(model);
        }
        try {
            refunds.refund(scope, id, why);
            redirect.addFlashAttribute("notice", "已申请退款，微信支付确认后台账将冲正。");
        } catch (InvalidInputException | ServiceNotConfiguredException e) {
            redirect.addFlashAttribute("notice", "未能退款：" + e.getMessage());
        }
        return "redirect:/dues/online/orders/" + id;
    }

    /** Managed orders only reach here through {@link OnlinePayments#get}: scope checked there, path for the refund. */
    private String pathOf(DataScope scope, OnlineOrder order) {
        return payments.orgPathOf(scope, order.id());
    }

    @GetMapping("/dues/online/reconciliation")
    String reconciliation(DataScope scope, Model model) {
        model.addAttribute("runs", reconciliations.recent(scope, 10));
        model.addAttribute("available", payments.available());
        model.addAttribute("yesterday", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
        model.addAttribute("errors", Map.of());
        return "dues/online/reconciliation";
    }

    @PostMapping("/dues/online/reconciliation")
    String reconcile(DataScope scope, @RequestParam(required = false) String date, RedirectAttributes redirect) {
        try {
            var run = reconciliations.run(scope, LocalDate.parse(String.valueOf(date)));
            redirect.addFlashAttribute("notice", run.billDate() + " 对账完成：账单 " + run.trades() + " 笔，差异 "
                    + run.findings() + " 项。");
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("notice", "未能对账：日期格式不正确");
        } catch (InvalidInputException | ServiceNotConfiguredException e) {
            redirect.addFlashAttribute("notice", "未能对账：" + e.getMessage());
        }
        return "redirect:/dues/online/reconciliation";
    }
}
