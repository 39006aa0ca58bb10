package cn.zhibu.learning.course.web;

import cn.zhibu.learning.course.CourseSeries;
import cn.zhibu.learning.course.CourseSeriesService;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Series (专题) in the browser: the list with the form to add one, and a series' own page to rename it. */
@Controller
class CourseSeriesPageController {

    private final CourseSeriesService series;
    private final OrganizationService organizations;

    CourseSeriesPageController(CourseSeriesService series, OrganizationService organizations) {
        this.series = series;
        this.organizations = organizations;
    }

    @GetMapping("/learning/series")
    String list(DataScope scope, Model model) {
        return list(scope, model, null, null, null, Map.of());
    }

    @PostMapping("/learning/series")
    String create(DataScope scope, @RequestParam(required = false) Long orgId,
                  @RequestParam(required = false) @ShortText("专题名称") String title,
                  @RequestParam(required = false) @NoteText("专题简介") String summary, Model model,
                  RedirectAttributes redirect) {
        try {
            CourseSeries s = series.create(scope, orgId, title, summary);
            redirect.addFlashAttribute("notice", "已创建专题“" + s.title() + "”");
            return "redirect:/learning/series";
        } catch (InvalidInputException e) {
            return list(scope, model, orgId, title, summary, e.fieldErrors());
        }
    }

    @GetMapping("/learning/series/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("series", series.get(scope, id));
        model.addAttribute("errors", Map.of());
        return "learning/series/detail";
    }

    @PostMapping("/learning/series/{id}")
    String update(DataScope scope, @PathVariable long id,
                  @RequestParam(required = false) @ShortText("专题名称") String title,
                  @RequestParam(required = false) @NoteText("专题简介") String summary, Model model,
                  RedirectAttributes redirect) {
        CourseSeries s = series.get(scope, id);
        try {
            series.update(scope, id, title, summary);
            redirect.addFlashAttribute("notice", "已保存");
            return "redirect:/learning/series/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("series", s);
            model.addAttribute("errors", e.fieldErrors());
            return "learning/series/detail";
        }
    }

    private String list(DataScope scope, Model model, Long orgId, String title, String summary,
                        Map<String, String> errors) {
        model.addAttribute("items", series.managed(scope));
        List<Organization> options = new ArrayList<>();
        for (Organization root : organizations.roots(scope)) {
            if (scope.managesMembersAt(root.path().value())) {
                options.addAll(organizations.subtree(scope, root.id(), 500, 0).stream().filter(Organization::active)
                        .toList());
            }
        }
        model.addAttribute("orgOptions", options);
        model.addAttribute("orgId", orgId != null ? orgId : options.size() == 1 ? options.get(0).id() : null);
        model.addAttribute("title", title);
        model.addAttribute("summary", summary);
        model.addAttribute("errors", errors);
        return "learning/series/list";
    }
}
