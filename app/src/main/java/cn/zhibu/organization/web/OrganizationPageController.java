package cn.zhibu.organization.web;

import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationForm;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
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

/** The organization tree in the browser: browse, create, edit, move, dissolve, committee. */
@Controller
@RequestMapping("/orgs")
class OrganizationPageController {

    private final OrganizationService organizations;

    OrganizationPageController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    String tree(DataScope scope, Model model) {
        List<Organization> roots = organizations.roots(scope);
        if (roots.isEmpty()) {
            model.addAttribute("roots", roots);
            return "organization/tree";
        }
        return "redirect:/orgs/" + roots.get(0).id();
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Organization org = organizations.get(scope, id);
        model.addAttribute("roots", organizations.roots(scope));
        model.addAttribute("org", org);
        model.addAttribute("trail", organizations.ancestorsWithin(scope, org));
        model.addAttribute("children", organizations.children(scope, id, true));
        model.addAttribute("committee", organizations.committee(scope, id));
        model.addAttribute("positions", CommitteePosition.values());
        model.addAttribute("manages", scope.managesMembersAt(org.path().value()));
        model.addAttribute("administers", scope.administersOrgAt(org.path().value()));
        model.addAttribute("restructures", scope.restructuresOrgAt(org.path().value()));
        model.addAttribute("openIds", org.path().ids());
        return "organization/tree";
    }

    /** One level of the tree, loaded by htmx when a node is expanded. */
    @GetMapping("/{id}/children")
    String children(DataScope scope, @PathVariable long id, @RequestParam(required = false) Long selected,
                    @RequestParam(required = false) List<Long> open, Model model) {
        model.addAttribute("nodes", organizations.children(scope, id, false));
        model.addAttribute("selectedId", selected);
        model.addAttribute("openIds", open == null ? List.of() : open);
        return "organization/nodes :: nodes";
    }

    @GetMapping("/new")
    String newForm(DataScope scope, @RequestParam(required = false) Long parentId, Model model) {
        Organization parent = parentId == null ? null : organizations.get(scope, parentId);
        OrganizationType suggested = parent == null ? OrganizationType.BASE_COMMITTEE
                : parent.type().isBranch() ? OrganizationType.GROUP : OrganizationType.BRANCH;
        OrganizationCategory category = parent == null ? OrganizationCategory.GOVERNMENT : parent.category();
        return form(model, parent, null, new OrganizationForm(parentId, "", "", suggested, category, "", null, null, 0),
                null);
    }

    @PostMapping
    String create(DataScope scope, @Valid @ModelAttribute("form") OrganizationForm form, BindingResult binding,
                  Model model) {
        try {
            BindingProblems.throwIfAny(binding);
            Organization created = organizations.create(scope, form);
            return "redirect:/orgs/" + created.id() + "?created";
        } catch (InvalidInputException e) {
            Organization parent = form.parentId() == null ? null : organizations.get(scope, form.parentId());
            return form(model, parent, null, form, e);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Organization org = organizations.get(scope, id);
        return form(model, null, org, new OrganizationForm(org.parentId(), org.name(), org.shortName(), org.type(),
                org.category(), org.unitName(), org.coveredUnits(), org.establishedOn(), org.sortOrder()), null);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @RequestParam int version,
                  @Valid @ModelAttribute("form") OrganizationForm form, BindingResult binding, Model model) {
        Organization org = organizations.get(scope, id);
        try {
            BindingProblems.throwIfAny(binding);
            organizations.update(scope, id, version, form);
            return "redirect:/orgs/" + id + "?saved";
        } catch (InvalidInputException e) {
            return form(model, null, org, form, e);
        }
    }

    private String form(Model model, Organization parent, Organization editing, OrganizationForm form,
                        InvalidInputException errors) {
        model.addAttribute("parent", parent);
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("categories", OrganizationCategory.values());
        model.addAttribute("errors", errors == null ? java.util.Map.of() : errors.fieldErrors());
        return "organization/form";
    }

    @GetMapping("/{id}/move")
    String moveForm(DataScope scope, @PathVariable long id, @RequestParam(required = false) @NameText("组织名称") String q,
                    Model model) {
        Organization org = organizations.get(scope, id);
        model.addAttribute("org", org);
        model.addAttribute("q", q);
        model.addAttribute("candidates", organizations.search(scope, q, 30).stream()
                .filter(c -> org.type().allowedParents().contains(c.type()) && !org.path().contains(c.path()))
                .toList());
        return "organization/move";
    }

    @PostMapping("/{id}/move")
    String move(DataScope scope, @PathVariable long id, @RequestParam(required = false) Long parentId, Model model) {
        try {
            if (parentId == null) {
                throw InvalidInputException.of("parentId", "请选择新的上级组织");
            }
            organizations.move(scope, id, parentId);
            return "redirect:/orgs/" + id + "?moved";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return moveForm(scope, id, null, model);
        }
    }

    @GetMapping("/{id}/dissolve")
    String dissolveForm(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("org", organizations.get(scope, id));
        model.addAttribute("today", LocalDate.now());
        return "organization/dissolve";
    }

    @PostMapping("/{id}/dissolve")
    String dissolve(DataScope scope, @PathVariable long id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @SensibleDate("撤销日期") LocalDate dissolvedOn,
                    @RequestParam(required = false) @NoteText("撤销原因") String reason, Model model) {
        try {
            Organization org = organizations.dissolve(scope, id, dissolvedOn, reason);
            return "redirect:/orgs/" + (org.parentId() == null ? id : org.parentId()) + "?dissolved";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("reason", reason);
            return dissolveForm(scope, id, model);
        }
    }

    @PostMapping("/{id}/committee/term")
    String startTerm(DataScope scope, @PathVariable long id,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                     @SensibleDate("任期开始日期") LocalDate termStart,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                     @SensibleDate("任期届满日期") LocalDate termEnd,
                     RedirectAttributes redirect) {
        try {
            organizations.startTerm(scope, id, termStart, termEnd);
            redirect.addFlashAttribute("notice", "已登记新一届班子任期");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("committeeError", e.getMessage());
        }
        return "redirect:/orgs/" + id + "#committee";
    }

    @PostMapping("/{id}/committee/seats")
    String addSeat(DataScope scope, @PathVariable long id, @RequestParam(required = false) CommitteePosition position,
                   @RequestParam(required = false) Long memberId,
                   @RequestParam(required = false) @NameText("姓名") String personName,
                   RedirectAttributes redirect) {
        try {
            organizations.addSeat(scope, id, position, memberId, personName);
            redirect.addFlashAttribute("notice", "已添加班子成员");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("committeeError", e.getMessage());
        }
        return "redirect:/orgs/" + id + "#committee";
    }

    @PostMapping("/{id}/committee/seats/{seatId}/delete")
    String removeSeat(DataScope scope, @PathVariable long id, @PathVariable long seatId, RedirectAttributes redirect) {
        organizations.removeSeat(scope, id, seatId);
        redirect.addFlashAttribute("notice", "已移除班子成员");
        return "redirect:/orgs/" + id + "#committee";
    }
}
