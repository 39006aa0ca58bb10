package cn.zhibu.learning.course.web;

import cn.zhibu.learning.course.Course;
import cn.zhibu.learning.course.CourseAudience;
import cn.zhibu.learning.course.CourseFilter;
import cn.zhibu.learning.course.CourseKind;
import cn.zhibu.learning.course.CourseMedia;
import cn.zhibu.learning.course.CoursePage;
import cn.zhibu.learning.course.CourseSeriesService;
import cn.zhibu.learning.course.CourseService;
import cn.zhibu.learning.course.CourseStatus;
import cn.zhibu.learning.course.MediaStorageSettings;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.RichText;
import cn.zhibu.platform.input.ShortText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Courses in the browser: the managers' list, the form, and the course page (the member's reader or player, with the
 * managers' actions); the member's own list; the media stream for the player.
 */
@Controller
class CoursePageController {

    private static final int PAGE_SIZE = 20;
    private static final int ORG_OPTIONS = 500;

    private final CourseService courses;
    private final CourseMedia media;
    private final CourseSeriesService series;
    private final OrganizationService organizations;
    private final MediaStorageSettings storage;
    private final Clock clock;

    CoursePageController(CourseService courses, CourseMedia media, CourseSeriesService series,
                         OrganizationService organizations, MediaStorageSettings storage, Clock clock) {
        this.courses = courses;
        this.media = media;
        this.series = series;
        this.organizations = organizations;
        this.storage = storage;
        this.clock = clock;
    }

    @GetMapping("/learning/courses")
    String list(DataScope scope, @RequestParam(required = false) CourseStatus status,
                @RequestParam(required = false) CourseKind kind,
                @RequestParam(required = false) @ShortText("标题") String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        if (!scope.hasManagedScope()) {
            return "redirect:/learning/courses/mine";
        }
        CoursePage result = courses.managed(scope, new CourseFilter(status, kind, q), page, PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("pager", new Pager(page, result.totalPages(), result.total()));
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("statuses", CourseStatus.values());
        model.addAttribute("kinds", CourseKind.values());
        StringBuilder base = new StringBuilder("/learning/courses?");
        if (status != null) {
            base.append("status=").append(status).append('&');
        }
        if (kind != null) {
            base.append("kind=").append(kind).append('&');
        }
        if (q != null && !q.isBlank()) {
            base.append("q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
        model.addAttribute("baseUrl", base.toString());
        return "learning/courses/list";
    }

    @GetMapping("/learning/courses/mine")
    String mine(DataScope scope, Model model) {
        model.addAttribute("courses", courses.mine(scope));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("member", scope.selfMemberId() != null);
        return "learning/courses/mine";
    }

    @GetMapping("/learning/courses/new")
    String newForm(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        List<Organization> options = orgOptions(scope);
        Long chosen = orgId != null ? organizations.getManaged(scope, orgId).id()
                : options.size() == 1 ? options.get(0).id() : null;
        return form(scope, model, null, CourseForm.empty(chosen), Map.of());
    }

    @PostMapping("/learning/courses")
    String create(DataScope scope, @Valid @ModelAttribute("form") CourseForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            Course c = courses.create(scope, form.draft());
            redirect.addFlashAttribute("notice", c.kind().takesFile() ? "已保存草稿，请上传课程文件后发布" : "已保存草稿");
            return "redirect:/learning/courses/" + c.id();
        } catch (InvalidInputException e) {
            return form(scope, model, null, form, e.fieldErrors());
        }
    }

    @GetMapping("/learning/courses/{id}/edit")
    String edit(DataScope scope, @PathVariable long id, Model model) {
        Course c = courses.getManaged(scope, id);
        return form(scope, model, c, new CourseForm(c.orgId(), c.seriesId(), c.seriesOrder(), c.title(), c.summary(),
                c.kind(), c.bodyHtml(), c.hours(), c.file() == null || c.file().mediaSeconds() == null
                ? c.mediaSeconds() : null, c.required(), c.dueOn(), c.audience()), Map.of());
    }

    @PostMapping("/learning/courses/{id}")
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") CourseForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        Course c = courses.getManaged(scope, id);
        try {
            BindingProblems.throwIfAny(binding);
            courses.update(scope, id, form.draft());
            redirect.addFlashAttribute("notice", "已保存");
            return "redirect:/learning/courses/" + id;
        } catch (InvalidInputException e) {
            return form(scope, model, c, form, e.fieldErrors());
        }
    }

    @GetMapping("/learning/courses/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Course c = courses.get(scope, id);
        model.addAttribute("course", c);
        model.addAttribute("body", c.kind() == CourseKind.ARTICLE ? RichText.sanitize(c.bodyHtml()) : null);
        model.addAttribute("manages", courses.manages(scope, c));
        model.addAttribute("progress", courses.myProgress(scope, c).orElse(null));
        model.addAttribute("maxBytes", storage.maxBytes(c.kind()));
        model.addAttribute("maxMegabytes", storage.maxBytes(c.kind()) >> 20);
        model.addAttribute("accept", c.kind().files().stream().map(k -> k.mediaType()).distinct()
                .reduce((a, b) -> a + "," + b).orElse(""));
        return "learning/courses/detail";
    }

    /**
     * The page's upload without script: a multipart file, up to the servlet's multipart limit (50 MB). With script the
     * page sends the raw file to {@link CourseMediaPageUploadController}, up to the kind's limit.
     */
    @PostMapping("/learning/courses/{id}/media")
    String upload(DataScope scope, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        courses.getManaged(scope, id);
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "请选择要上传的文件");
            }
            try (InputStream in = file.getInputStream()) {
                Course c = media.upload(scope, id, file.getOriginalFilename(), in);
                redirect.addFlashAttribute("notice", uploadedNotice(c));
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("uploadErrors", e.fieldErrors());
        }
        return "redirect:/learning/courses/" + id;
    }

    /** What the page says after an upload, by form or by script. */
    static String uploadedNotice(Course c) {
        return "已上传" + c.file().fileName() + (c.mediaSeconds() == null ? "" : "，时长" + c.mediaLength());
    }

    @PostMapping("/learning/courses/{id}/publish")
    String publish(DataScope scope, @PathVariable long id, HttpServletRequest request, Model model,
                   RedirectAttributes redirect) {
        Course c = courses.getManaged(scope, id);
        if (!Confirmation.confirmed(request)) {
            return Confirmation.of(request, "发布课程", "确定发布该课程吗？发布后课程不能再修改，只能撤回。",
                    List.of(Confirmation.line("课程", c.title()), Confirmation.line("类型", c.kindLabel()),
                            Confirmation.line("学时", c.hours()), Confirmation.line("发布范围", c.orgName() + "·" + c.audienceLabel()),
                            Confirmation.line("必修", c.required() ? "必修，完成期限 " + c.dueOn() : "选修")),
                    List.of()).show(model);
        }
        try {
            courses.publish(scope, id);
            redirect.addFlashAttribute("notice", "已发布课程");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionErrors", e.fieldErrors());
        }
        return "redirect:/learning/courses/" + id;
    }

    @PostMapping("/learning/courses/{id}/withdraw")
    String withdraw(DataScope scope, @PathVariable long id, HttpServletRequest request, Model model,
                    RedirectAttributes redirect) {
        Course c = courses.getManaged(scope, id);
        if (!Confirmation.confirmed(request)) {
            return Confirmation.of(request, "撤回课程", "确定撤回该课程吗？撤回后党员不能再学习，已完成的学时保留；撤回的课程不能再次发布。",
                    List.of(Confirmation.line("课程", c.title())), List.of()).show(model);
        }
        try {
            courses.withdraw(scope, id);
            redirect.addFlashAttribute("notice", "已撤回课程");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionErrors", e.fieldErrors());
        }
        return "redirect:/learning/courses/" + id;
    }

    @GetMapping("/learning/media/{id}")
    ResponseEntity<Resource> file(DataScope scope, @PathVariable long id) {
        return MediaResponses.of(media.open(scope, id));
    }

    private String form(DataScope scope, Model model, Course existing, CourseForm form, Map<String, String> errors) {
        model.addAttribute("existing", existing);
        model.addAttribute("orgOptions", existing == null ? orgOptions(scope) : List.of());
        model.addAttribute("seriesOptions", series.managed(scope));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", CourseKind.values());
        model.addAttribute("audiences", CourseAudience.values());
        return "learning/courses/form";
    }

    /** Organizations the caller may publish for: the active ones of their managed subtrees, in tree order. */
    private List<Organization> orgOptions(DataScope scope) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以管理课程");
        }
        List<Organization> options = new ArrayList<>();
        for (Organization root : organizations.roots(scope)) {
            if (scope.managesMembersAt(root.path().value())) {
                options.addAll(organizations.subtree(scope, root.id(), ORG_OPTIONS, 0).stream()
                        .filter(Organization::active).toList());
            }
        }
        return options;
    }
}
