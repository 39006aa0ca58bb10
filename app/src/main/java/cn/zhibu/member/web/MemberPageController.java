package cn.zhibu.member.web;

import cn.zhibu.member.AgeBand;
import cn.zhibu.member.Education;
import cn.zhibu.member.Ethnicities;
import cn.zhibu.member.FloatingService;
import cn.zhibu.member.Gender;
import cn.zhibu.member.InboundLetter;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberPage;
import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipRules;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.Occupation;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.member.StatusEvent;
import cn.zhibu.member.TransferService;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.ShortText;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The member roster (党员名册) in the browser. */
@Controller
@RequestMapping("/members")
class MemberPageController {

    private final MemberService members;
    private final MembershipService membership;
    private final OrganizationService organizations;
    private final TransferService transfers;
    private final OrgOptions orgOptions;
    private final FloatingService floating;

    MemberPageController(MemberService members, MembershipService membership, OrganizationService organizations,
                         TransferService transfers, OrgOptions orgOptions, FloatingService floating) {
        this.floating = floating;
        this.orgOptions = orgOptions;
        this.transfers = transfers;
        this.members = members;
        this.membership = membership;
        this.organizations = organizations;
    }

    @GetMapping
    String list(DataScope scope, @Valid @ModelAttribute("search") MemberSearch search, BindingResult binding,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
        if (!scope.hasManagedScope()) {
            return scope.selfMemberId() == null ? "redirect:/" : "redirect:/members/" + scope.selfMemberId();
        }
        BindingProblems.throwIfAny(binding);
        MemberPage page = members.search(scope, search);
        model.addAttribute("page", page);
        model.addAttribute("pager", new Pager(page.page(), page.totalPages(), page.total()));
        if (htmx != null && restore == null) {
            return "member/list :: results";
        }
        addChoices(scope, model);
        return "member/list";
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Member member = members.open(scope, id);
        detailModel(model, scope, member, membership.history(scope, id), MembershipPageController.emptyChange(), null,
                Map.of());
        boolean manages = scope.managesMembersAt(member.orgPath());
        model.addAttribute("openTransfer", manages ? transfers.openFor(scope, id).orElse(null) : null);
        model.addAttribute("duesFromLedger", manages ? transfers.duesFromLedger(id).orElse(null) : null);
        model.addAttribute("openOutflow", manages ? floating.openOutflowOf(scope, id).orElse(null) : null);
        model.addAttribute("duesUnpaidMonths", membership.duesUnpaidMonths(scope, id));
        return "member/detail";
    }

    /** What the member page shows: the record, its status history, and the 党籍 actions open to a manager. */
    static void detailModel(Model model, DataScope scope, Member member, List<StatusEvent> events,
                            StatusChange change, LocalDate lastContactOn, Map<String, String> errors) {
        model.addAttribute("member", member);
        model.addAttribute("manages", scope.managesMembersAt(member.orgPath()));
        model.addAttribute("events", events);
        model.addAttribute("kinds", StatusChangeKind.applicableTo(member.status().name()));
        model.addAttribute("change", change);
        model.addAttribute("lastContactOn", lastContactOn == null ? LocalDate.now() : lastContactOn);
        model.addAttribute("errors", errors);
        model.addAttribute("conversionDue", member.status() == MemberStatus.PROBATIONARY
                ? MembershipRules.conversionDue(member.joinedOn()) : null);
        model.addAttribute("suspensionDue", member.lostContactSince() == null ? null
                : MembershipRules.suspensionDue(member.lostContactSince()));
    }

    /** Members of one organization as {@code <option>}s, for pickers such as the committee form. */
    @GetMapping("/options")
    String options(DataScope scope, @RequestParam long orgId, Model model) {
        model.addAttribute("options", members.search(scope, new MemberSearch(orgId, null, null, null, null, null,
                null, null, 0, 100, null)).items());
        return "member/options :: options";
    }

    @GetMapping("/new")
    String newForm(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        if (orgId != null) {
            organizations.getManaged(scope, orgId);
        }
        MemberForm empty = new MemberForm(orgId, null, null, "汉族", null, null, null, null, null, MemberStatus.FULL,
                null, null, null, null);
        return form(scope, model, null, empty, null);
    }

    @PostMapping
    String create(DataScope scope, @Valid @ModelAttribute("form") MemberForm form, BindingResult binding,
                  @RequestParam(required = false) @NameText("原党组织") String fromOrg,
                  @RequestParam(required = false) @ShortText("介绍信编号") String letterNo,
                  Model model) {
        try {
            BindingProblems.throwIfAny(binding);
            if (isBlank(fromOrg) && isBlank(letterNo)) {
                return "redirect:/members/" + members.create(scope, form).id() + "?created";
            }
            // arriving from an organization off the platform: the member and the transfer record together
            long id = transfers.registerInbound(scope, form, new InboundLetter(fromOrg, letterNo)).memberId();
            return "redirect:/members/" + id + "?created";
        } catch (InvalidInputException e) {
            model.addAttribute("fromOrg", fromOrg);
            model.addAttribute("letterNo", letterNo);
            return form(scope, model, null, form, e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Member m = members.open(scope, id);
        if (!scope.managesMembersAt(m.orgPath())) {
            throw new cn.zhibu.platform.ForbiddenException("您只能查看本人信息，修改请联系党支部");
        }
        MemberForm form = new MemberForm(m.orgId(), m.name(), m.gender(), m.ethnicity(), m.birthDate(),
                m.sensitiveShown() ? m.idNumber() : null, m.sensitiveShown() ? m.phone() : null, m.education(),
                m.occupation(), m.status(), m.joinedOn(), m.convertedOn(), m.jobTitle(), m.workUnit());
        return form(scope, model, m, form, null);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @RequestParam int version,
                  @Valid @ModelAttribute("form") MemberForm form, BindingResult binding, Model model) {
        Member m = members.open(scope, id);
        try {
            BindingProblems.throwIfAny(binding);
            members.update(scope, id, version, form);
            return "redirect:/members/" + id + "?saved";
        } catch (InvalidInputException e) {
            return form(scope, model, m, form, e);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        Member m = members.get(scope, id);
        members.delete(scope, id);
        redirect.addFlashAttribute("notice", "已删除党员“" + m.name() + "”的记录");
        return "redirect:/members";
    }

    private String form(DataScope scope, Model model, Member editing, MemberForm form, InvalidInputException e) {
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("errors", e == null ? Map.of() : e.fieldErrors());
        addChoices(scope, model);
        return "member/form";
    }

    private void addChoices(DataScope scope, Model model) {
        model.addAttribute("orgOptions", orgOptions.managed(scope));
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("educations", Education.values());
        model.addAttribute("occupations", Occupation.values());
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("ethnicities", Ethnicities.ALL);
    }
}
