package cn.zhibu.member.web;

import cn.zhibu.member.ArchiveStatus;
import cn.zhibu.member.ArchivedMember;
import cn.zhibu.member.ArchivedPage;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.SensibleDate;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 党籍管理 in the browser: status changes and lost contact on a member's page, and the records out of the registry. */
@Controller
@RequestMapping("/members")
class MembershipPageController {

    private final MembershipService membership;
    private final MemberService members;
    private final OrganizationService organizations;

    MembershipPageController(MembershipService membership, MemberService members, OrganizationService organizations) {
        this.membership = membership;
        this.members = members;
        this.organizations = organizations;
    }

    @PostMapping("/{id}/status")
    String change(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("change") StatusChange change,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            membership.change(scope, id, change);
        } catch (InvalidInputException e) {
            return rerender(scope, id, model, change, null, e);
        }
        redirect.addFlashAttribute("notice", "已办理“" + change.kind().label() + "”，并记入党籍变更记录");
        boolean registered = change.kind() == StatusChangeKind.CONVERT || change.kind() == StatusChangeKind.RESTORE;
        return registered ? "redirect:/members/" + id : "redirect:/members/archived/" + id;
    }

    @PostMapping("/{id}/lost-contact")
    String lostContact(DataScope scope, @PathVariable long id,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                       @SensibleDate("最后联系日期") LocalDate lastContactOn,
                       Model model, RedirectAttributes redirect) {
        try {
            if (lastContactOn == null) {
                throw InvalidInputException.of("lastContactOn", "请填写最后联系日期");
            }
            membership.setLostContact(scope, id, lastContactOn);
        } catch (InvalidInputException e) {
            return rerender(scope, id, model, null, lastContactOn, e);
        }
        redirect.addFlashAttribute("notice", "已登记失联，最后联系日期 " + lastContactOn + "；满6个月仍无音讯的，可停止其党籍");
        return "redirect:/members/" + id;
    }

    @PostMapping("/{id}/in-contact")
    String inContact(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        membership.setLostContact(scope, id, null);
        redirect.addFlashAttribute("notice", "已登记恢复联系");
        return "redirect:/members/" + id;
    }

    @GetMapping("/archived")
    String archived(DataScope scope, @RequestParam(required = false) Long orgId,
                    @RequestParam(required = false) ArchiveStatus status, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        List<Organization> roots = organizations.managedRoots(scope);
        if (roots.isEmpty()) {
            throw new cn.zhibu.platform.ForbiddenException("您没有查看党员名单的权限");
        }
        long org = orgId != null ? orgId : roots.get(0).id();
        ArchivedPage result = membership.archived(scope, org, status, page, 20);
        model.addAttribute("org", organizations.getManaged(scope, org));
        model.addAttribute("roots", roots);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ArchiveStatus.values());
        model.addAttribute("page", result);
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("baseUrl", "/members/archived?orgId=" + org + (status == null ? "" : "&status=" + status) + "&");
        return "member/archived";
    }

    @GetMapping("/archived/{id}")
    String archivedMember(DataScope scope, @PathVariable long id, Model model) {
        return archivedView(scope, membership.getArchived(scope, id), model, emptyChange(), Map.of());
    }

    @PostMapping("/archived/{id}/status")
    String changeArchived(DataScope scope, @PathVariable long id,
                          @Valid @ModelAttribute("change") StatusChange change,
                          BindingResult binding, Model model, RedirectAttributes redirect) {
        return change(scope, id, change, binding, model, redirect);
    }

    /** The member's own page again, with the form as sent and why it was refused. */
    private String rerender(DataScope scope, long id, Model model, StatusChange change, LocalDate lastContactOn,
                            InvalidInputException e) {
        StatusChange shown = change == null ? emptyChange() : change;
        try {
            Member member = members.open(scope, id);
            MemberPageController.detailModel(model, scope, member, membership.history(scope, id), shown,
                    lastContactOn, e.fieldErrors());
            return "member/detail";
        } catch (cn.zhibu.platform.NotFoundException notRegistered) {
            return archivedView(scope, membership.getArchived(scope, id), model, shown, e.fieldErrors());
        }
    }

    private String archivedView(DataScope scope, ArchivedMember archived, Model model, StatusChange change,
                                Map<String, String> errors) {
        model.addAttribute("archived", archived);
        model.addAttribute("member", archived.member());
        model.addAttribute("events", membership.history(scope, archived.member().id()));
        model.addAttribute("kinds", StatusChangeKind.applicableTo(archived.status().name()));
        model.addAttribute("change", change);
        model.addAttribute("errors", errors);
        return "member/archived-detail";
    }

    static StatusChange emptyChange() {
        return new StatusChange(null, LocalDate.now(), null, null, null);
    }
}
