package cn.zhibu.life.compliance.web;

import cn.zhibu.life.compliance.BehindList;
import cn.zhibu.life.compliance.ComplianceBehindPage;
import cn.zhibu.life.compliance.CompliancePeriod;
import cn.zhibu.life.compliance.ComplianceViews;
import cn.zhibu.life.compliance.ComplianceYear;
import cn.zhibu.life.compliance.ExemptionForm;
import cn.zhibu.life.compliance.ExemptionService;
import cn.zhibu.life.compliance.OrganizationYears;
import cn.zhibu.life.compliance.PeriodType;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.ShortText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 组织生活考核 in the browser: a branch's (or 党小组's) year at a glance, a committee's heat map of its subtree, the
 * list of organizations behind with its export, and exemptions granted from above.
 */
@Controller
class CompliancePageController {

    private static final int PAGE_SIZE = 20;

    private final OrganizationService organizations;
    private final OrganizationYears years;
    private final ComplianceViews views;
    private final BehindList behind;
    private final ExemptionService exemptions;

    CompliancePageController(OrganizationService organizations, OrganizationYears years, ComplianceViews views,
                             BehindList behind, ExemptionService exemptions) {
        this.organizations = organizations;
        this.years = years;
        this.views = views;
        this.behind = behind;
        this.exemptions = exemptions;
    }

    @GetMapping("/life/compliance")
    String show(DataScope scope, @RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) @ShortText("类型") String kind, Model model) {
        Organization o = organization(scope, org);
        return page(scope, o, year, kind, model, new ExemptionForm(o.id(), null, null, null), Map.of());
    }

    /**
     * A card for other pages (the organization's meetings page, the dashboard): what is still owed in the running
     * periods, or for a committee this month's share; loaded by htmx, e.g.
     * {@code <div hx-get="/life/compliance/summary?org=1" hx-trigger="load" aria-live="polite"></div>}.
     */
    @GetMapping("/life/compliance/summary")
    String summary(DataScope scope, @RequestParam long org, Model model) {
        Organization o = organizations.getManaged(scope, org);
        model.addAttribute("org", o);
        if (o.type().holdsMembers()) {
            model.addAttribute("y", years.year(scope, o.id(), null));
        } else {
            var total = views.heatMap(scope, o.id(), null, null).total();
            model.addAttribute("month", total.cells().get(LocalDate.now().getMonthValue() - 1));
        }
        return "life/compliance/summary :: summary";
    }

    @GetMapping("/life/compliance/behind")
    String behind(DataScope scope, @RequestParam(required = false) Long org,
                  @RequestParam(required = false) @ShortText("月份") String month,
                  @RequestParam(required = false) @ShortText("类型") String kind,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        Organization o = organization(scope, org);
        ComplianceBehindPage result = behind.page(scope, o.id(), month, kind, page, PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("baseUrl", "/life/compliance/behind?org=" + o.id() + "&month=" + result.month()
                + (result.kind() == null ? "" : "&kind=" + result.kind()) + "&");
        model.addAttribute("kinds", ComplianceViews.kinds());
        model.addAttribute("trail", organizations.ancestorsWithin(scope, o));
        return "life/compliance/behind";
    }

    @PostMapping("/life/compliance/behind/export")
    ResponseEntity<byte[]> export(DataScope scope, @RequestParam long org,
                                  @RequestParam(required = false) @ShortText("月份") String month,
                                  @RequestParam(required = false) @ShortText("类型") String kind) {
        return ComplianceFiles.xlsx(behind.export(scope, org, month, kind), "未按要求开展组织生活的组织");
    }

    @PostMapping("/life/compliance/exemptions")
    String grant(DataScope scope, @Valid @ModelAttribute("form") ExemptionForm form, BindingResult binding,
                 Model model, RedirectAttributes redirect) {
        Organization o = organization(scope, form.orgId());
        try {
            BindingProblems.throwIfAny(binding);
            var granted = exemptions.grant(scope, form);
            redirect.addFlashAttribute("notice", "已豁免" + granted.orgName() + granted.periodLabel() + "的"
                    + granted.kindLabel());
            return "redirect:/life/compliance?org=" + o.id() + "&year=" + granted.period().substring(0, 4);
        } catch (InvalidInputException e) {
            Integer year = yearOf(form.period());
            model.addAttribute("exemptionOpen", true);
            return page(scope, o, year, null, model, form, e.fieldErrors());
        }
    }

    @PostMapping("/life/compliance/exemptions/{id}/revoke")
    String revoke(DataScope scope, @PathVariable long id, @RequestParam long org, HttpServletRequest request,
                  Model model, RedirectAttributes redirect) {
        Organization o = organizations.getManaged(scope, org);
        if (Confirmation.revising(request)) {
            return "redirect:/life/compliance?org=" + o.id() + "#exemptions";
        }
        if (!Confirmation.confirmed(request)) {
            var shown = exemptions.list(scope, o.id(), null).stream().filter(e -> e.id() == id).findFirst();
            return Confirmation.of(request, "撤销豁免", "确定撤销该豁免吗？撤销后，该期间的要求按实际开展情况统计。",
                    List.of(Confirmation.line("组织", shown.map(e -> e.orgName()).orElse(o.name())),
                            Confirmation.line("期间", shown.map(e -> e.periodLabel()).orElse(null)),
                            Confirmation.line("类型", shown.map(e -> e.kindLabel()).orElse(null)),
                            Confirmation.line("豁免原因", shown.map(e -> e.reason()).orElse(null))), List.of())
                    .show(model);
        }
        exemptions.revoke(scope, id);
        redirect.addFlashAttribute("notice", "已撤销该豁免");
        return "redirect:/life/compliance?org=" + o.id() + "#exemptions";
    }

    private String page(DataScope scope, Organization o, Integer year, String kind, Model model, ExemptionForm form,
                        Map<String, String> errors) {
        ComplianceYear y = years.year(scope, o.id(), year);
        model.addAttribute("y", y);
        model.addAttribute("trail", organizations.ancestorsWithin(scope, o));
        model.addAttribute("years", yearsOffered());
        model.addAttribute("kinds", ComplianceViews.kinds());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("periods", periods(y.year()));
        if (o.type().holdsMembers()) {
            return "life/compliance/year";
        }
        model.addAttribute("map", views.heatMap(scope, o.id(), y.year(), kind));
        model.addAttribute("exemptions", exemptions.list(scope, o.id(), y.year()).stream().limit(20).toList());
        model.addAttribute("kind", kind == null || kind.isBlank() ? null : kind);
        return "life/compliance/heatmap";
    }

    /** The organization asked for (in scope, else 404), or the caller's first managed one. */
    private Organization organization(DataScope scope, Long org) {
        if (org != null) {
            return organizations.getManaged(scope, org);
        }
        return organizations.managedRoots(scope).stream().findFirst()
                .orElseThrow(() -> new ForbiddenException("组织生活考核由党组织书记和组织管理员查看"));
    }

    private static List<Integer> yearsOffered() {
        List<Integer> offered = new ArrayList<>();
        for (int y = Year.now().getValue(); y >= Math.max(2020, Year.now().getValue() - 5); y--) {
            offered.add(y);
        }
        return offered;
    }

    /** The periods an exemption may be granted for in the year: the year, its quarters, its months. */
    private static List<CompliancePeriod> periods(int year) {
        List<CompliancePeriod> periods = new ArrayList<>();
        for (PeriodType type : List.of(PeriodType.YEAR, PeriodType.QUARTER, PeriodType.MONTH)) {
            periods.addAll(CompliancePeriod.of(type, Year.of(year)));
        }
        return periods;
    }

    private static Integer yearOf(String period) {
        if (period != null && period.strip().matches("\\d{4}.*")) {
            int y = Integer.parseInt(period.strip().substring(0, 4));
            return y >= 2020 && y <= LocalDate.now().getYear() + 1 ? y : null;
        }
        return null;
    }
}
