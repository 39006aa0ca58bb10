package cn.zhibu.member.web;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.OutboundRequest;
import cn.zhibu.member.Transfer;
import cn.zhibu.member.TransferLetters;
import cn.zhibu.member.TransferPage;
import cn.zhibu.member.TransferRequest;
import cn.zhibu.member.TransferService;
import cn.zhibu.member.TransferStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.NameText;
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

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Map;

/** 组织关系转接 in the browser: started on a member's page, then approved, refused or accepted here. */
@Controller
class TransferPageController {

    private final TransferService transfers;
    private final OrganizationService organizations;
    private final TransferLetters letters;
    private final MemberService members;

    TransferPageController(TransferService transfers, OrganizationService organizations, TransferLetters letters,
                           MemberService members) {
        this.members = members;
        this.letters = letters;
        this.transfers = transfers;
        this.organizations = organizations;
    }

    /** The list opens on 需我办理 (the transfers whose awaited step is the caller's), before 转入 and 转出. */
    @GetMapping("/transfers")
    String list(DataScope scope, @RequestParam(defaultValue = "AWAITING") @ShortText("方向") String direction,
                @RequestParam(required = false) TransferStatus status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("您没有办理组织关系转接的权限");
        }
        boolean awaiting = !"OUTGOING".equals(direction) && !"INCOMING".equals(direction);
        boolean outgoing = "OUTGOING".equals(direction);
        TransferPage result = awaiting ? transfers.awaitingMe(scope, page, 20)
                : transfers.list(scope, outgoing, status, page, 20);
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("outgoing", outgoing);
        model.addAttribute("status", status);
        model.addAttribute("statuses", TransferStatus.values());
        model.addAttribute("page", result);
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("baseUrl", "/transfers?direction=" + (awaiting ? "AWAITING" : outgoing ? "OUTGOING" : "INCOMING")
                + (status == null ? "" : "&status=" + status) + "&");
        return "member/transfers";
    }

    @GetMapping("/transfers/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        return view(scope, transfers.get(scope, id), model, null, Map.of());
    }

    @PostMapping("/transfers/{id}/approve")
    String approve(DataScope scope, @PathVariable long id, @RequestParam(required = false) @NoteText("意见") String note,
                   Model model, RedirectAttributes redirect) {
        try {
            Transfer t = transfers.approve(scope, id, note);
            redirect.addFlashAttribute("notice", t.status() == TransferStatus.COMPLETED
                    ? "已接收，" + t.memberName() + "的组织关系已转入" + t.toOrgName() : "已同意，转接进入下一环节");
        } catch (InvalidInputException e) {
            return view(scope, transfers.get(scope, id), model, note, e.fieldErrors());
        }
        return "redirect:/transfers/" + id;
    }

    @PostMapping("/transfers/{id}/refuse")
    String refuse(DataScope scope, @PathVariable long id, @RequestParam(required = false) @NoteText("退回理由") String note,
                  Model model,
                  RedirectAttributes redirect) {
        try {
            transfers.refuse(scope, id, note);
            redirect.addFlashAttribute("notice", "已退回，理由已通知转出方");
        } catch (InvalidInputException e) {
            return view(scope, transfers.get(scope, id), model, note, e.fieldErrors());
        }
        return "redirect:/transfers/" + id;
    }

    @PostMapping("/transfers/{id}/cancel")
    String cancel(DataScope scope, @PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            transfers.cancel(scope, id);
            redirect.addFlashAttribute("notice", "已撤回该转接");
        } catch (InvalidInputException e) {
            return view(scope, transfers.get(scope, id), model, null, e.fieldErrors());
        }
        return "redirect:/transfers/" + id;
    }

    /**
     * Starts a transfer from the member's page: the input is checked first (every field's message at once) and only a
     * valid transfer is shown for confirmation ({@link Confirmation}); the confirmed post starts it.
     */
    @PostMapping("/members/{id}/transfers")
    String start(DataScope scope, @PathVariable long id, @RequestParam(required = false) Long toOrgId,
                 @RequestParam(required = false) @NoteText("转接原因") String reason,
                 @RequestParam(required = false) @ShortText("党费交至") String duesPaidUntil,
                 HttpServletRequest request, Model model, RedirectAttributes redirect) {
        TransferRequest form = new TransferRequest(toOrgId, reason, duesPaidUntil);
        try {
            if (Confirmation.revising(request)) {
                return backToForm(id, redirect, request, Map.of());
            }
            if (!Confirmation.confirmed(request)) {
                Organization to = transfers.check(scope, id, form);
                Member m = members.get(scope, id);
                return Confirmation.of(request, "发起组织关系转接", "确定发起组织关系转接吗？转入组织接收前，该党员仍由本组织管理。",
                        List.of(Confirmation.line("党员", m.name()), Confirmation.line("转出组织", m.orgName()),
                                Confirmation.line("转入组织", to.name()), Confirmation.line("转接原因", reason),
                                Confirmation.line("党费交至", duesLabel(duesPaidUntil))), List.of()).show(model);
            }
            Transfer t = transfers.start(scope, id, form);
            redirect.addFlashAttribute("notice", "已发起组织关系转接，介绍信编号 " + t.letterNo());
            return "redirect:/transfers/" + t.id();
        } catch (InvalidInputException e) {
            return backToForm(id, redirect, request, e.fieldErrors());
        }
    }

    /** The member's page with the transfer forms as typed, and the messages by field. */
    private String backToForm(long memberId, RedirectAttributes redirect, HttpServletRequest request,
                              Map<String, String> errors) {
        redirect.addFlashAttribute("transferErrors", errors);
        redirect.addFlashAttribute("transferInput", TransferInput.of(request, organizations));
        return "redirect:/members/" + memberId + "#transfer-card";
    }

    private static String duesLabel(String month) {
        String label = Transfer.monthLabel(month);
        return label == null ? "未填写" : label;
    }

    /** The 组织关系介绍信 as a PDF, its QR code pointing at this platform's public check. */
    @GetMapping("/transfers/{id}/letter.pdf")
    ResponseEntity<byte[]> letter(DataScope scope, @PathVariable long id) {
        return letter(transfers, letters, scope, id);
    }

    /** The letter as an inline PDF (also for the API). */
    static ResponseEntity<byte[]> letter(TransferService transfers, TransferLetters letters, DataScope scope, long id) {
        Transfer t = transfers.get(scope, id);
        return Downloads.inline("组织关系介绍信-" + t.letterNo() + ".pdf", MediaType.APPLICATION_PDF,
                letters.pdf(scope, id));
    }

    /** Anyone who scans a letter's QR code: is it genuine and still in force? */
    @GetMapping("/verify/letters/{letterNo}")
    String verify(@PathVariable @ShortText("介绍信编号") String letterNo,
                  @RequestParam(name = "c", required = false) @ShortText("核验码") String code, Model model) {
        model.addAttribute("check", letters.check(letterNo, code));
        return "member/letter-check";
    }

    @PostMapping("/members/{id}/transfers/outbound")
    String startOutbound(DataScope scope, @PathVariable long id,
                         @RequestParam(required = false) @NameText("转入党组织全称") String externalOrg,
                         @RequestParam(required = false) @NoteText("转接原因") String reason,
                         @RequestParam(required = false) @ShortText("党费交至") String duesPaidUntil,
                         HttpServletRequest request, Model model, RedirectAttributes redirect) {
        OutboundRequest form = new OutboundRequest(externalOrg, reason, duesPaidUntil);
        try {
            if (Confirmation.revising(request)) {
                return backToForm(id, redirect, request, Map.of());
            }
            if (!Confirmation.confirmed(request)) {
                transfers.checkOutbound(scope, id, form);
                Member m = members.get(scope, id);
                return Confirmation.of(request, "转往系统外党组织", "确定开具转往系统外党组织的介绍信吗？收到回执前，该党员仍由本组织管理。",
                        List.of(Confirmation.line("党员", m.name()), Confirmation.line("转出组织", m.orgName()),
                                Confirmation.line("转入组织", externalOrg), Confirmation.line("转接原因", reason),
                                Confirmation.line("党费交至", duesLabel(duesPaidUntil))), List.of()).show(model);
            }
            Transfer t = transfers.startOutbound(scope, id, form);
            redirect.addFlashAttribute("notice", "已发起转出，介绍信编号 " + t.letterNo() + "；收到回执后请在此登记");
            return "redirect:/transfers/" + t.id();
        } catch (InvalidInputException e) {
            return backToForm(id, redirect, request, e.fieldErrors());
        }
    }

    /** Receiving organizations by name, as {@code <option>}s for the start form (htmx). */
    @GetMapping("/transfers/targets")
    String targets(DataScope scope, @RequestParam(defaultValue = "") @NameText("组织名称") String q, Model model) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("您没有办理组织关系转接的权限");
        }
        model.addAttribute("targets", organizations.transferTargets(q, 20));
        return "member/transfer-targets :: options";
    }

    private String view(DataScope scope, Transfer t, Model model, String note, Map<String, String> errors) {
        model.addAttribute("transfer", t);
        model.addAttribute("mayDecide", transfers.mayDecide(scope, t));
        model.addAttribute("mayCancel", transfers.mayCancel(scope, t));
        model.addAttribute("waitsFor", transfers.waitingFor(t).orElse(null));
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        return "member/transfer";
    }
}
