package cn.zhibu.dues.web;

import cn.zhibu.dues.ArrearsPage;
import cn.zhibu.dues.BranchDues;
import cn.zhibu.dues.DuesArrears;
import cn.zhibu.dues.DuesStatements;
import cn.zhibu.dues.DuesViews;
import cn.zhibu.dues.MemberDues;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The 党费 pages: the landing page by role, a member's own dues (phone first) and a managed member's, a branch's month,
 * a committee's year, the arrears list, the annual statement and its public check.
 */
@Controller
class DuesViewsPageController {

    private final DuesViews views;
    private final DuesArrears arrears;
    private final DuesStatements statements;
    private final OrganizationService organizations;

    DuesViewsPageController(DuesViews views, DuesArrears arrears, DuesStatements statements,
                            OrganizationService organizations) {
        this.views = views;
        this.arrears = arrears;
        this.statements = statements;
        this.organizations = organizations;
    }

    /** What the caller can do here: their own dues if they are a member, their organizations if they manage. */
    @GetMapping("/dues")
    String landing(DataScope scope, Model model) {
        model.addAttribute("mine", scope.selfMemberId() == null ? null : views.mine(scope));
        List<Organization> roots = organizations.managedRoots(scope);
        model.addAttribute("roots", roots);
        model.addAttribute("counts", arrears.counts(roots.stream().map(Organization::id).toList()));
        model.addAttribute("month", YearMonth.now());
        model.addAttribute("year", Year.now().getValue());
        return "dues/index";
    }

    @GetMapping("/dues/mine")
    String mine(DataScope scope, Model model) {
        return member(model, views.mine(scope), Map.of(), null, null);
    }

    @GetMapping("/dues/members/{id}")
    String member(DataScope scope, @PathVariable long id, Model model) {
        return member(model, views.member(scope, id), Map.of(), null, null);
    }

    private String member(Model model, MemberDues dues, Map<String, String> errors, String month, String reason) {
        model.addAttribute("dues", dues);
        model.addAttribute("errors", errors);
        model.addAttribute("justifyMonth", month);
        model.addAttribute("justifyReason", reason);
        model.addAttribute("year", Year.now().getValue());
        return "dues/member";
    }

    @PostMapping("/dues/members/{id}/justifications")
    String justify(DataScope scope, @PathVariable long id,
                   @RequestParam(required = false) @ShortText("月份") String month,
                   @RequestParam(required = false) @NoteText("正当理由") String reason,
                   Model model, RedirectAttributes redirect) {
        try {
            arrears.justify(scope, id, month == null || month.isBlank() ? null : DuesViews.month(month), reason);
        } catch (InvalidInputException e) {
            return member(model, views.member(scope, id), e.fieldErrors(), month, reason);
        }
        redirect.addFlashAttribute("notice", "已登记" + month + "未交党费的正当理由，该月不再计入连续未交月数。");
        return "redirect:/dues/members/" + id;
    }

    @GetMapping("/dues/mine/statement")
    ResponseEntity<byte[]> myStatement(DataScope scope, @RequestParam(required = false) Integer year) {
        if (scope.selfMemberId() == null) {
            throw new NotFoundException("您的账号未关联党员信息");
        }
        return statement(scope, scope.selfMemberId(), year);
    }

    @GetMapping("/dues/members/{id}/statement")
    ResponseEntity<byte[]> statement(DataScope scope, @PathVariable long id,
                                     @RequestParam(required = false) Integer year) {
        int y = year == null ? Year.now().getValue() : year;
        return Downloads.inline("党费交纳情况证明-" + y + ".pdf", MediaType.APPLICATION_PDF, statements.pdf(scope, id, y));
    }

    @GetMapping("/dues/branch")
    String branch(DataScope scope, @RequestParam(required = false) Long org,
                  @RequestParam(required = false) @ShortText("月份") String month, Model model) {
        BranchDues dues = views.branch(scope, orgOrFirst(scope, org), DuesViews.month(month));
        model.addAttribute("dues", dues);
        model.addAttribute("previous", dues.month().minusMonths(1));
        model.addAttribute("next", dues.month().plusMonths(1));
        return "dues/branch";
    }

    @GetMapping("/dues/branch/export")
    ResponseEntity<byte[]> export(DataScope scope, @RequestParam long org,
                                  @RequestParam(required = false) @ShortText("月份") String month) {
        BranchDues dues = views.branch(scope, org, DuesViews.month(month));
        return Downloads.attachment(DuesBillsExport.fileName(dues), DuesBillsExport.XLSX, DuesBillsExport.xlsx(dues));
    }

    @GetMapping("/dues/rollup")
    String rollup(DataScope scope, @RequestParam(required = false) Long org,
                  @RequestParam(required = false) Integer year, Model model) {
        long orgId = orgOrFirst(scope, org);
        model.addAttribute("rollup", views.rollup(scope, orgId, year == null ? Year.now().getValue() : year));
        model.addAttribute("chain", organizations.ancestorsWithin(scope, organizations.getManaged(scope, orgId)));
        return "dues/rollup";
    }

    @GetMapping("/dues/arrears")
    String arrearsList(DataScope scope, @RequestParam(required = false) Long org,
                       @RequestParam(defaultValue = "3") int min,
                       @RequestParam(required = false) @ShortText("分页位置") String after, Model model) {
        long orgId = orgOrFirst(scope, org);
        ArrearsPage page = arrears.page(scope, orgId, min, after, 50);
        model.addAttribute("page", page);
        model.addAttribute("org", organizations.getManaged(scope, orgId));
        return "dues/arrears";
    }

    /** Anyone who scans a statement's QR code: the year's figures as the ledger holds them now. */
    @GetMapping("/verify/dues/{memberId}/{year}")
    String verify(@PathVariable long memberId, @PathVariable int year,
                  @RequestParam(name = "c", required = false) @ShortText("核验码") String code, Model model) {
        model.addAttribute("check", statements.check(memberId, year, code));
        return "dues/statement-check";
    }

    /** The organization asked for, or the caller's first managed one; 404 for a caller who manages none. */
    private long orgOrFirst(DataScope scope, Long org) {
        if (org != null) {
            return org;
        }
        return organizations.managedRoots(scope).stream().findFirst().map(Organization::id)
                .orElseThrow(() -> new NotFoundException("您没有管理的党组织"));
    }
}
