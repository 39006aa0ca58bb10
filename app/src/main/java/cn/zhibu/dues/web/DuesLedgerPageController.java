package cn.zhibu.dues.web;

import cn.zhibu.dues.DuesLedger;
import cn.zhibu.dues.LedgerEntry;
import cn.zhibu.dues.Payer;
import cn.zhibu.dues.PaymentMethod;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.NoteText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The branch's 党费 pages: record a payment (reached from a member's page, "登记党费"), a member's ledger, and the
 * reversal of an entry behind a confirmation page. The views helper's /dues pages link here.
 */
@Controller
class DuesLedgerPageController {

    private static final int LEDGER_ROWS = 200;

    private final DuesLedger ledger;

    DuesLedgerPageController(DuesLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/dues/pay")
    String payForm(DataScope scope, @RequestParam long member, Model model) {
        return form(scope, model, DuesPaymentForm.empty(member), Map.of());
    }

    @PostMapping("/dues/pay")
    String pay(DataScope scope, @Valid @ModelAttribute("form") DuesPaymentForm form, BindingResult binding,
               Model model, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            List<LedgerEntry> made = ledger.record(scope, form.payment());
            redirect.addFlashAttribute("notice", "已登记党费 " + made.stream().map(e -> e.amount().toPlainString() + "元")
                    .reduce((a, b) -> a + "、" + b).orElse(""));
            return "redirect:/dues/members/" + form.member() + "/ledger";
        } catch (InvalidInputException e) {
            return form(scope, model, form, e.fieldErrors());
        }
    }

    private String form(DataScope scope, Model model, DuesPaymentForm form, Map<String, String> errors) {
        long member = form.member() == null ? 0 : form.member();
        model.addAttribute("form", form);
        model.addAttribute("payable", ledger.payableMonths(scope, member));
        model.addAttribute("methods", List.of(PaymentMethod.CASH, PaymentMethod.TRANSFER));
        model.addAttribute("payers", Payer.values());
        model.addAttribute("errors", errors);
        return "dues/pay";
    }

    @GetMapping("/dues/members/{id}/ledger")
    String memberLedger(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("entries", ledger.ledgerOf(scope, id, LEDGER_ROWS));
        model.addAttribute("memberId", id);
        model.addAttribute("manages", !Long.valueOf(id).equals(scope.selfMemberId()));
        return "dues/ledger";
    }

    @GetMapping("/dues/entries/{id}/reverse")
    String reverseForm(DataScope scope, @PathVariable long id, Model model) {
        return reverseForm(model, ledger.entry(scope, id), null, Map.of());
    }

    @PostMapping("/dues/entries/{id}/reverse")
    String reverse(DataScope scope, @PathVariable long id,
                   @RequestParam(required = false) @NoteText("冲正原因") String reason, HttpServletRequest request,
                   Model model, RedirectAttributes redirect) {
        LedgerEntry entry = ledger.entry(scope, id);
        if (reason == null || reason.isBlank() || Confirmation.revising(request)) {
            Map<String, String> errors = Confirmation.revising(request) ? Map.of() : Map.of("reason", "请说明冲正原因");
            return reverseForm(model, entry, reason, errors);
        }
        if (!Confirmation.confirmed(request)) {
            return Confirmation.of(request, "冲正党费账目", "确定冲正这笔账目吗？冲正后不能撤销，只能重新登记。",
                    List.of(Confirmation.line("账目", entry.kind().label() + " " + entry.amount().toPlainString() + "元"),
                            Confirmation.line("交纳日期", entry.paidOn()),
                            Confirmation.line("收据号", entry.receiptNo()),
                            Confirmation.line("冲正原因", reason.strip())),
                    entry.allocations().isEmpty() ? List.of() : List.of("所交月份的账单将恢复为未交")).show(model);
        }
        try {
            LedgerEntry reversal = ledger.reverse(scope, id, reason);
            redirect.addFlashAttribute("notice", "已冲正，冲正分录金额 " + reversal.amount().toPlainString() + "元");
            return entry.memberId() == null ? "redirect:/dues/remittances?org=" + entry.orgId()
                    : "redirect:/dues/members/" + entry.memberId() + "/ledger";
        } catch (InvalidInputException e) {
            return reverseForm(model, entry, reason, e.fieldErrors());
        }
    }

    private String reverseForm(Model model, LedgerEntry entry, String reason, Map<String, String> errors) {
        model.addAttribute("entry", entry);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "dues/reverse";
    }
}
