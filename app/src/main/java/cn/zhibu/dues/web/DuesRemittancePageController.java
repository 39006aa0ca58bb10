package cn.zhibu.dues.web;

import cn.zhibu.dues.DuesRemittances;
import cn.zhibu.dues.DuesRemittances.RemittancePage;
import cn.zhibu.dues.LedgerEntry;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Pager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * 上缴 in the browser: an organization's remittances to its higher committee (paged), the form that records one
 * behind a confirmation, and what the organization and each one directly below it collected and remitted in a
 * period. Every organization is one the caller manages; any other id is 404.
 */
@Controller
class DuesRemittancePageController {

    private static final int PAGE_SIZE = 20;

    private final DuesRemittances remittances;
    private final OrganizationService organizations;

    DuesRemittancePageController(DuesRemittances remittances, OrganizationService organizations) {
        this.remittances = remittances;
        this.organizations = organizations;
    }

    @GetMapping("/dues/remittances")
    String list(DataScope scope, @RequestParam(required = false) Long org,
                @RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Organization o = organization(scope, org);
        RemittancePage result = remittances.remittancesOf(scope, o.id(), page, PAGE_SIZE);
        YearMonth periodTo = to == null ? YearMonth.now() : to;
        YearMonth periodFrom = from == null ? periodTo.withMonth(1) : from;
        Organization parent = o.parentId() == null ? null : organizations.describe(o.parentId());
        model.addAttribute("org", o);
        model.addAttribute("parent", parent);
        model.addAttribute("parentManaged", parent != null && scope.managesMembersAt(parent.path().value()));
        model.addAttribute("page", result);
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("baseUrl", "/dues/remittances?org=" + o.id() + "&from=" + periodFrom + "&to=" + periodTo + "&");
        model.addAttribute("from", periodFrom);
        model.addAttribute("to", periodTo);
        try {
            model.addAttribute("lines", remittances.period(scope, o.id(), periodFrom, periodTo));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputException e) {
            model.addAttribute("lines", List.of());
            model.addAttribute("errors", e.fieldErrors());
        }
        return "dues/remittances";
    }

    @GetMapping("/dues/remittances/new")
    String newForm(DataScope scope, @RequestParam long org, Model model) {
        Organization o = organizations.getManaged(scope, org);
        return form(model, o, DuesRemittanceForm.empty(o.id()), Map.of());
    }

    @PostMapping("/dues/remittances")
    String record(DataScope scope, @Valid @ModelAttribute("form") DuesRemittanceForm form, BindingResult binding,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Organization o = organizations.getManaged(scope, form.org() == null ? 0 : form.org());
        if (Confirmation.revising(request)) {
            return form(model, o, form, Map.of());
        }
        try {
            BindingProblems.throwIfAny(binding);
            DuesRemittances.Remittance r = form.remittance();
            Organization committee = remittances.check(scope, r);
            if (!Confirmation.confirmed(request)) {
                return Confirmation.of(request, "登记党费上缴", "确定登记这笔上缴吗？登记后不能修改，登记错误的只能冲正。",
                        List.of(Confirmation.line("上缴组织", o.name()),
                                Confirmation.line("上缴至", committee.name()),
                                Confirmation.line("所属期间", r.periodFrom() + " 至 " + r.periodTo()),
                                Confirmation.line("金额", r.amount().setScale(2).toPlainString() + "元"),
                                Confirmation.line("上缴日期", r.paidOn()),
                                Confirmation.line("收据号", r.receiptNo().strip())),
                        List.of()).show(model);
            }
            LedgerEntry made = remittances.record(scope, r);
            redirect.addFlashAttribute("notice", "已登记上缴 " + made.amount().toPlainString() + "元（"
                    + made.periodFrom() + " 至 " + made.periodTo() + "）");
            return "redirect:/dues/remittances?org=" + o.id();
        } catch (InvalidInputException e) {
            return form(model, o, form, e.fieldErrors());
        }
    }

    private String form(Model model, Organization org, DuesRemittanceForm form, Map<String, String> errors) {
        model.addAttribute("org", org);
        model.addAttribute("parent", org.parentId() == null ? null : organizations.describe(org.parentId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "dues/remittance-form";
    }

    /** The organization asked for, else the caller's first managed one. */
    private Organization organization(DataScope scope, Long org) {
        if (org != null) {
            return organizations.getManaged(scope, org);
        }
        return organizations.managedRoots(scope).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("您没有可管理的党组织"));
    }
}
