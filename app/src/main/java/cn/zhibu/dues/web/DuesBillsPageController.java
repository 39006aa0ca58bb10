package cn.zhibu.dues.web;

import cn.zhibu.dues.BaseEntry;
import cn.zhibu.dues.BillStatus;
import cn.zhibu.dues.DuesBase;
import cn.zhibu.dues.DuesBases;
import cn.zhibu.dues.DuesBills;
import cn.zhibu.dues.DuesMonths;
import cn.zhibu.dues.DuesCategory;
import cn.zhibu.dues.DuesRelief;
import cn.zhibu.dues.DuesSettings;
import cn.zhibu.dues.ReliefProposal;
import cn.zhibu.dues.ReliefService;
import cn.zhibu.dues.internal.BillRunJob;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberPage;
import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.MemberService;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BackgroundJob;
import cn.zhibu.platform.BackgroundJobs;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.NoteText;
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
import java.util.List;
import java.util.Map;

/**
 * The pages of bases, reliefs and bills: an organization's members with their bases, one member's bases (the form
 * computes the amount live) and reliefs, a relief to decide, and a month's bills with "生成本月账单".
 */
@Controller
class DuesBillsPageController {

    private static final int PAGE_SIZE = 20;

    private final DuesBases bases;
    private final ReliefService reliefs;
    private final DuesBills bills;
    private final MemberService members;
    private final OrganizationService organizations;
    private final BackgroundJobs jobs;
    private final BillRunJob billRunJob;
    private final DuesSettings settings;
    private final cn.zhibu.dues.BaseImports imports;

    DuesBillsPageController(DuesBases bases, ReliefService reliefs, DuesBills bills, MemberService members,
                            OrganizationService organizations, BackgroundJobs jobs, BillRunJob billRunJob,
                            DuesSettings settings, cn.zhibu.dues.BaseImports imports) {
        this.imports = imports;
        this.bases = bases;
        this.reliefs = reliefs;
        this.bills = bills;
        this.members = members;
        this.organizations = organizations;
        this.jobs = jobs;
        this.billRunJob = billRunJob;
        this.settings = settings;
    }

    /** The base form as posted: every field text, parsed by {@link #entry} with the field named on error. */
    record BaseForm(String category, String effectiveMonth, String countedPay, String incomeTax, String socialInsurance,
                    String annuity, String base, String chosen, @NoteText("备注") String note) {

        static BaseForm empty() {
            return new BaseForm("SALARIED", YearMonth.now().toString(), null, null, null, null, null, null, null);
        }
    }

    // ---- bases ------------------------------------------------------------------------------------------------

    @GetMapping("/dues/bases")
    String bases(DataScope scope, @RequestParam(required = false) Long org, @RequestParam(defaultValue = "false") boolean unbased,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Organization o = org(scope, org);
        model.addAttribute("org", o);
        model.addAttribute("unbased", unbased);
        if (unbased) {
            List<Long> ids = bills.unbased(scope, o.id(), YearMonth.now(), 200);
            List<Member> list = ids.stream().map(id -> members.get(scope, id)).toList();
            model.addAttribute("members", list);
            model.addAttribute("pager", null);
        } else {
            MemberPage result = members.search(scope, new MemberSearch(o.id(), null, null, null, null, null, null, null,
                    page, PAGE_SIZE, null));
            model.addAttribute("members", result.items());
            model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        }
        @SuppressWarnings("unchecked")
        List<Member> shown = (List<Member>) model.getAttribute("members");
        model.addAttribute("latest", bases.latestOf(shown.stream().map(Member::id).toList()));
        model.addAttribute("baseUrl", "/dues/bases?org=" + o.id() + "&");
        return "dues/bases";
    }

    @GetMapping("/dues/members/{id}/bases")
    String memberBases(DataScope scope, @PathVariable long id, Model model) {
        return memberPage(scope, id, BaseForm.empty(), Map.of(), model);
    }

    @PostMapping("/dues/members/{id}/bases")
    String recordBase(DataScope scope, @PathVariable long id, BaseForm form, Model model, RedirectAttributes redirect) {
        try {
            DuesBase saved = bases.record(scope, id, entry(form), "FORM");
            redirect.addFlashAttribute("notice", "已核定党费基数：自" + saved.effectiveMonth() + "起每月应交"
                    + saved.amount().toPlainString() + "元");
            return "redirect:/dues/members/" + id + "/bases";
        } catch (InvalidInputException e) {
            return memberPage(scope, id, form, e.fieldErrors(), model);
        }
    }

    /** The amount as the form is filled in (htmx): computed by the rules, nothing saved. */
    @GetMapping("/dues/bases/compute")
    String compute(BaseForm form, Model model) {
        try {
            model.addAttribute("computed", bases.compute(entry(form)));
        } catch (InvalidInputException e) {
            model.addAttribute("computeErrors", e.messages());
        }
        return "dues/member-bases :: computed";
    }

    private String memberPage(DataScope scope, long id, BaseForm form, Map<String, String> errors, Model model) {
        Member m = members.get(scope, id);
        model.addAttribute("member", m);
        model.addAttribute("history", bases.history(scope, id));
        model.addAttribute("reliefs", reliefs.ofMember(scope, id));
        model.addAttribute("bills", bills.ofMember(scope, id));
        model.addAttribute("firstMonth", bases.firstMonth(scope, id));
        model.addAttribute("current", bases.applicable(scope, id, YearMonth.now()).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", java.util.Arrays.stream(DuesCategory.values())
                .filter(c -> c != DuesCategory.HARDSHIP).toList());
        model.addAttribute("settings", settings);
        return "dues/member-bases";
    }

    private static BaseEntry entry(BaseForm f) {
        FieldErrors errors = new FieldErrors();
        DuesCategory category = null;
        try {
            category = f.category() == null || f.category().isBlank() ? null : DuesCategory.valueOf(f.category());
        } catch (IllegalArgumentException e) {
            errors.reject("category", "请选择党员类别");
        }
        YearMonth month = null;
        try {
            month = f.effectiveMonth() == null || f.effectiveMonth().isBlank() ? null : YearMonth.parse(f.effectiveMonth().strip());
        } catch (RuntimeException e) {
            errors.reject("effectiveMonth", "月份格式应为 2026-01");
        }
        BaseEntry entry = new BaseEntry(category, month, money(errors, "countedPay", f.countedPay()),
                money(errors, "incomeTax", f.incomeTax()), money(errors, "socialInsurance", f.socialInsurance()),
                money(errors, "annuity", f.annuity()), money(errors, "base", f.base()), money(errors, "chosen", f.chosen()),
                f.note());
        errors.throwIfAny();
        return entry;
    }

    static BigDecimal money(FieldErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.reject(field, "请填写金额（元，最多两位小数）");
            return null;
        }
    }

    // ---- upload of bases --------------------------------------------------------------------------------------

    @GetMapping("/dues/bases/template")
    org.springframework.http.ResponseEntity<byte[]> template() {
        return BaseImportApiController.xlsx("党费基数导入模板.xlsx", cn.zhibu.dues.BaseTemplate.workbook());
    }

    @PostMapping("/dues/bases/imports")
    String upload(DataScope scope, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                  @RequestParam(required = false) Long org, RedirectAttributes redirect) {
        try {
            return "redirect:/dues/bases/imports/" + BaseImportApiController.start(imports, scope, file).id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", String.join("；", e.messages()));
            return "redirect:/dues/bases" + (org == null ? "" : "?org=" + org);
        }
    }

    @GetMapping({"/dues/bases/imports/{id}", "/dues/bases/imports/{id}/progress"})
    String importJob(DataScope scope, @PathVariable String id, HttpServletRequest request, Model model) {
        model.addAttribute("job", imports.get(scope, id));
        return request.getRequestURI().endsWith("/progress") ? "dues/base-import :: progress" : "dues/base-import";
    }

    @PostMapping("/dues/bases/imports/{id}/valid-rows")
    String importValidRows(DataScope scope, @PathVariable String id) {
        return "redirect:/dues/bases/imports/" + imports.importValidRows(scope, id).id();
    }

    // ---- reliefs ----------------------------------------------------------------------------------------------

    @PostMapping("/dues/members/{id}/reliefs")
    String propose(DataScope scope, @PathVariable long id, @RequestParam(required = false) String fromMonth,
                   @RequestParam(required = false) String toMonth, @RequestParam(required = false) String amount,
                   @RequestParam(required = false) @NoteText("减免理由") String reason,
                   @RequestParam(required = false) String decidedOn, RedirectAttributes redirect) {
        try {
            FieldErrors errors = new FieldErrors();
            ReliefProposal p = new ReliefProposal(month(errors, "fromMonth", fromMonth), month(errors, "toMonth", toMonth),
                    money(errors, "amount", amount), reason, date(errors, "decidedOn", decidedOn));
            errors.throwIfAny();
            DuesRelief r = reliefs.propose(scope, id, p);
            redirect.addFlashAttribute("notice", "已提出党费减免，待上级党委批准");
            return "redirect:/dues/reliefs/" + r.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("reliefErrors", e.fieldErrors());
            return "redirect:/dues/members/" + id + "/bases#reliefs";
        }
    }

    @GetMapping("/dues/reliefs/{id}")
    String relief(DataScope scope, @PathVariable long id, Model model) {
        DuesRelief r = reliefs.get(scope, id);
        model.addAttribute("r", r);
        model.addAttribute("member", members.get(scope, r.memberId()));
        model.addAttribute("approves", reliefs.approves(scope, r));
        return "dues/relief";
    }

    @PostMapping("/dues/reliefs/{id}/decision")
    String decide(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "false") boolean approve,
                  @RequestParam(required = false) @NoteText("审批意见") String note, RedirectAttributes redirect) {
        try {
            reliefs.decide(scope, id, approve, note);
            redirect.addFlashAttribute("notice", approve ? "已批准该减免" : "已不批准该减免");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("decisionErrors", e.fieldErrors());
        }
        return "redirect:/dues/reliefs/" + id;
    }

    @PostMapping("/dues/reliefs/{id}/revoke")
    String revoke(DataScope scope, @PathVariable long id, @RequestParam(required = false) @NoteText("撤销理由") String note,
                  RedirectAttributes redirect) {
        try {
            reliefs.revoke(scope, id, note);
            redirect.addFlashAttribute("notice", "已撤销该减免");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("decisionErrors", e.fieldErrors());
        }
        return "redirect:/dues/reliefs/" + id;
    }

    // ---- bills ------------------------------------------------------------------------------------------------

    @GetMapping("/dues/bills")
    String bills(DataScope scope, @RequestParam(required = false) Long org, @RequestParam(required = false) String month,
                 @RequestParam(required = false) BillStatus status, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        Organization o = org(scope, org);
        YearMonth m = parsedMonthOrNow(month);
        DuesBills.DuesBillPage result = bills.list(scope, o.id(), m, status, page, PAGE_SIZE);
        model.addAttribute("org", o);
        model.addAttribute("result", result);
        model.addAttribute("status", status);
        model.addAttribute("statuses", BillStatus.values());
        model.addAttribute("runs", bills.runs(scope, o.id(), 5));
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("baseUrl", "/dues/bills?org=" + o.id() + "&month=" + m + "&"
                + (status == null ? "" : "status=" + status + "&"));
        model.addAttribute("current", m.equals(YearMonth.now()));
        return "dues/bills";
    }

    @PostMapping("/dues/bills/runs")
    String makeBills(DataScope scope, @RequestParam(required = false) Long org,
                     @RequestParam(required = false) String month, HttpServletRequest request, Model model,
                     RedirectAttributes redirect) {
        Organization o = org(scope, org);
        YearMonth m = parsedMonthOrNow(month);
        if (Confirmation.revising(request)) {
            return "redirect:/dues/bills?org=" + o.id() + "&month=" + m;
        }
        if (!Confirmation.confirmed(request)) {
            model.addAttribute("confirmation", Confirmation.of(request, "生成党费账单", "确定生成" + m + "的党费账单吗？",
                    List.of(Confirmation.line("党组织", o.name() + "及其下级组织"), Confirmation.line("月份", m)),
                    List.of("账单金额生成后不再改变；已生成的不会重复生成，误生成的账单可逐张作废后重新生成")));
            return "platform/confirm";
        }
        BackgroundJob<BillRunJob.Detail> job = jobs.submit(billRunJob, scope, "QUEUED", 1,
                new BillRunJob.Detail(o.id(), o.name(), m.toString(), null, null, null, null, null));
        return "redirect:/dues/bills/jobs/" + job.id();
    }

    @GetMapping({"/dues/bills/jobs/{id}", "/dues/bills/jobs/{id}/progress"})
    String job(DataScope scope, @PathVariable String id, HttpServletRequest request, Model model) {
        BackgroundJob<BillRunJob.Detail> job = jobs.find(billRunJob, id, scope.actorId())
                .orElseThrow(() -> new NotFoundException("账单生成任务不存在或已过期"));
        model.addAttribute("job", job);
        return request.getRequestURI().endsWith("/progress") ? "dues/bill-job :: progress" : "dues/bill-job";
    }

    @PostMapping("/dues/bills/void")
    String voidBill(DataScope scope, @RequestParam long memberId, @RequestParam(required = false) String month,
                    @RequestParam(required = false) @NoteText("作废原因") String reason,
                    @RequestParam(required = false) Long org, RedirectAttributes redirect) {
        FieldErrors errors = new FieldErrors();
        YearMonth m = month(errors, "month", month);
        try {
            errors.throwIfAny();
            bills.voidBill(scope, memberId, m, reason);
            redirect.addFlashAttribute("notice", "已作废该账单");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join("；", e.messages()));
        }
        return "redirect:/dues/bills?" + (org == null ? "" : "org=" + org + "&") + "month=" + (m == null ? "" : m);
    }

    private Organization org(DataScope scope, Long org) {
        if (org != null) {
            return organizations.getManaged(scope, org);
        }
        return organizations.managedRoots(scope).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("您没有管理的党组织"));
    }

    private static YearMonth parsedMonthOrNow(String month) {
        FieldErrors errors = new FieldErrors();
        YearMonth m = month(errors, "month", month);
        return m == null ? YearMonth.now() : m;
    }

    private static YearMonth month(FieldErrors errors, String field, String text) {
        return DuesMonths.parse(errors, field, text);
    }

    private static LocalDate date(FieldErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (RuntimeException e) {
            errors.reject(field, "日期格式应为 2026-01-31");
            return null;
        }
    }
}
