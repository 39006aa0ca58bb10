package cn.zhibu.member.web;

import cn.zhibu.member.FloatingService;
import cn.zhibu.member.InflowForm;
import cn.zhibu.member.OutflowForm;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
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
import java.util.List;

/** 流动党员 in the browser: the registers of an organization's subtree, and the actions on each entry. */
@Controller
class FloatingPageController {

    private final FloatingService floating;
    private final OrganizationService organizations;

    FloatingPageController(FloatingService floating, OrganizationService organizations) {
        this.floating = floating;
        this.organizations = organizations;
    }

    @GetMapping("/floating")
    String registers(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        List<Organization> roots = organizations.managedRoots(scope);
        if (roots.isEmpty()) {
            throw new ForbiddenException("您没有管理流动党员的权限");
        }
        Organization org = organizations.getManaged(scope, orgId != null ? orgId : roots.get(0).id());
        model.addAttribute("org", org);
        model.addAttribute("roots", roots);
        model.addAttribute("outflows", floating.outflows(scope, org.id(), true));
        model.addAttribute("inflows", floating.inflows(scope, org.id(), true));
        model.addAttribute("reminders", floating.reminders(scope, org.id()));
        model.addAttribute("today", LocalDate.now());
        return "member/floating";
    }

    @PostMapping("/members/{id}/outflow")
    String registerOutflow(DataScope scope, @PathVariable long id, @Valid @ModelAttribute OutflowForm form,
                           BindingResult binding, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            floating.registerOutflow(scope, id, form);
            redirect.addFlashAttribute("notice", "已登记外出，请与该党员保持联系");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("outflowErrors", e.fieldErrors());
        }
        return "redirect:/members/" + id + "#outflow-card";
    }

    @PostMapping("/outflows/{id}/contact")
    String contact(DataScope scope, @PathVariable long id,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                   @SensibleDate("日期") LocalDate on,
                   @RequestParam long orgId, RedirectAttributes redirect) {
        return act(redirect, orgId, "已登记联系", () -> floating.recordContact(scope, id, on));
    }

    @PostMapping("/outflows/{id}/certificate")
    String certificate(DataScope scope, @PathVariable long id, @RequestParam(required = false) @ShortText("活动证编号") String number,
                       @RequestParam long orgId, RedirectAttributes redirect) {
        return act(redirect, orgId, "已登记活动证编号", () -> floating.issueCertificate(scope, id, number));
    }

    @PostMapping("/outflows/{id}/return")
    String returned(DataScope scope, @PathVariable long id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                   @SensibleDate("日期") LocalDate on,
                    @RequestParam long orgId, RedirectAttributes redirect) {
        return act(redirect, orgId, "已登记返回", () -> floating.registerReturn(scope, id, on));
    }

    @PostMapping("/floating/inflows")
    String registerInflow(DataScope scope, @RequestParam long orgId, @Valid @ModelAttribute InflowForm form,
                          BindingResult binding, RedirectAttributes redirect) {
        return act(redirect, orgId, "已登记流入党员", () -> {
            BindingProblems.throwIfAny(binding);
            floating.registerInflow(scope, orgId, form);
        });
    }

    @PostMapping("/inflows/{id}/left")
    String inflowLeft(DataScope scope, @PathVariable long id,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                   @SensibleDate("日期") LocalDate on,
                      @RequestParam long orgId, RedirectAttributes redirect) {
        return act(redirect, orgId, "已登记离开", () -> floating.registerInflowLeft(scope, id, on));
    }

    private static String act(RedirectAttributes redirect, long orgId, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("floatingErrors", e.fieldErrors());
        }
        return "redirect:/floating?orgId=" + orgId;
    }
}
