package cn.zhibu.learning.exam.web;

import cn.zhibu.learning.exam.Exam;
import cn.zhibu.learning.exam.ExamRule;
import cn.zhibu.learning.exam.Exams;
import cn.zhibu.learning.exam.QuestionBank;
import cn.zhibu.learning.exam.QuestionBanks;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.PlatformClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
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

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exams and daily quizzes for their managers: the lists, the form with its draw rules as rows (added and removed by
 * posting the form back, so it works without script), an exam's page with publishing and withdrawing (confirmed),
 * and its results per member of the caller's scope, on the page and as Excel.
 */
@Controller
class ExamPageController {

    private static final int PAGE_SIZE = 20;
    private static final int BANK_OPTIONS = Paging.MAX_SIZE;
    private static final String MANAGERS_ONLY = "只有党组织书记和组织管理员可以组织考试";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final Exams exams;
    private final QuestionBanks banks;
    private final ManagedOrgs orgs;
    private final Clock clock;

    ExamPageController(Exams exams, QuestionBanks banks, ManagedOrgs orgs, Clock clock) {
        this.exams = exams;
        this.banks = banks;
        this.orgs = orgs;
        this.clock = clock;
    }

    @GetMapping("/learning/exams")
    String exams(DataScope scope, @RequestParam(defaultValue = "0") int page, Model model) {
        return list(scope, false, page, model);
    }

    @GetMapping("/learning/quiz")
    String quizzes(DataScope scope, @RequestParam(defaultValue = "0") int page, Model model) {
        return list(scope, true, page, model);
    }

    private String list(DataScope scope, boolean daily, int page, Model model) {
        if (!scope.hasManagedScope()) {
            return "redirect:/learning/exams/mine";
        }
        long total = exams.count(scope, daily);
        model.addAttribute("daily", daily);
        model.addAttribute("exams", exams.list(scope, daily, page, PAGE_SIZE));
        model.addAttribute("now", clock.instant());
        model.addAttribute("pager", new Pager(page, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE), total));
        model.addAttribute("baseUrl", daily ? "/learning/quiz?" : "/learning/exams?");
        return "learning/exam/exams";
    }

    @GetMapping("/learning/exams/new")
    String newExam(DataScope scope, Model model) {
        return fresh(scope, false, model);
    }

    @GetMapping("/learning/quiz/new")
    String newQuiz(DataScope scope, Model model) {
        return fresh(scope, true, model);
    }

    private String fresh(DataScope scope, boolean daily, Model model) {
        var options = orgs.options(scope, MANAGERS_ONLY);
        return form(scope, model, null, daily, ExamForm.fresh(ManagedOrgs.single(options), daily, clock), Map.of());
    }

    @PostMapping("/learning/exams")
    String createExam(DataScope scope, @Valid @ModelAttribute("form") ExamForm form, BindingResult binding,
                      HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return create(scope, false, form, binding, request, model, redirect);
    }

    @PostMapping("/learning/quiz")
    String createQuiz(DataScope scope, @Valid @ModelAttribute("form") ExamForm form, BindingResult binding,
                      HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return create(scope, true, form, binding, request, model, redirect);
    }

    private String create(DataScope scope, boolean daily, ExamForm form, BindingResult binding,
                          HttpServletRequest request, Model model, RedirectAttributes redirect) {
        orgs.options(scope, MANAGERS_ONLY);
        if (editingRows(form, request)) {
            return form(scope, model, null, daily, form, Map.of());
        }
        try {
            BindingProblems.throwIfAny(binding);
            form.dropBlankRules();
            Exam exam = exams.create(scope, form.draft(daily));
            redirect.addFlashAttribute("notice", "已保存草稿；检查无误后请发布");
            return "redirect:/learning/exams/" + exam.id();
        } catch (InvalidInputException e) {
            return form(scope, model, null, daily, form, e.fieldErrors());
        }
    }

    @GetMapping("/learning/exams/{id}/edit")
    String edit(DataScope scope, @PathVariable long id, Model model) {
        Exam exam = exams.get(scope, id);
        return form(scope, model, exam, exam.daily(), ExamForm.of(exam), Map.of());
    }

    @PostMapping("/learning/exams/{id}")
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") ExamForm form,
                  BindingResult binding, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Exam exam = exams.get(scope, id);
        if (editingRows(form, request)) {
            return form(scope, model, exam, exam.daily(), form, Map.of());
        }
        try {
            BindingProblems.throwIfAny(binding);
            form.dropBlankRules();
            exams.update(scope, id, form.draft(exam.daily()));
            redirect.addFlashAttribute("notice", "已保存");
            return "redirect:/learning/exams/" + id;
        } catch (InvalidInputException e) {
            return form(scope, model, exam, exam.daily(), form, e.fieldErrors());
        }
    }

    /** "添加一条规则" or "删除" of a row: the form comes back with the rows changed, nothing saved. */
    private static boolean editingRows(ExamForm form, HttpServletRequest request) {
        if (form.getRules().size() > Exams.MAX_RULES) {
            form.dropBlankRules();
        }
        if (request.getParameter("addRule") != null) {
            if (form.getRules().size() < Exams.MAX_RULES) {
                form.getRules().add(ExamForm.Rule.empty());
            }
            return true;
        }
        String remove = request.getParameter("removeRule");
        if (remove != null) {
            try {
                int i = Integer.parseInt(remove);
                if (i >= 0 && i < form.getRules().size()) {
                    form.getRules().remove(i);
                }
            } catch (NumberFormatException ignored) {
                // a forged index removes nothing
            }
            return true;
        }
        return false;
    }

    @GetMapping("/learning/exams/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Exam exam = exams.get(scope, id);
        model.addAttribute("exam", exam);
        model.addAttribute("now", clock.instant());
        model.addAttribute("bankNames", bankNames(scope, exam.rules()));
        model.addAttribute("results", Exam.DRAFT.equals(exam.status()) ? List.of() : exams.results(scope, id));
        return "learning/exam/detail";
    }

    @PostMapping("/learning/exams/{id}/publish")
    String publish(DataScope scope, @PathVariable long id, HttpServletRequest request, Model model,
                   RedirectAttributes redirect) {
        Exam e = exams.get(scope, id);
        if (!Confirmation.confirmed(request)) {
            return Confirmation.of(request, e.daily() ? "发布每日一练" : "发布考试",
                    "确定发布吗？发布后面向的党员即可在开放时间内作答，内容不能再修改，只能撤回。",
                    List.of(Confirmation.line("名称", e.title()),
                            Confirmation.line("面向", e.orgName() + ("EVERYONE".equals(e.audience()) ? "·全体党员" : "及下级组织的党员")),
                            Confirmation.line("开放时间", TIME.format(e.opensAt()) + " 至 " + TIME.format(e.closesAt())),
                            Confirmation.line("试题", e.daily() ? "每天" + e.questionCount() + "道"
                                    : e.questionCount() + "道，总分" + e.maxScore() + "，及格分" + e.passMark()),
                            Confirmation.line("限时与次数", e.daily() ? "每人每天一次" : e.timeLimitMinutes() + "分钟，"
                                    + e.maxAttempts() + "次")),
                    List.of()).show(model);
        }
        try {
            exams.publish(scope, id);
            redirect.addFlashAttribute("notice", e.daily() ? "已发布每日一练" : "已发布考试");
        } catch (InvalidInputException ex) {
            redirect.addFlashAttribute("actionErrors", ex.fieldErrors());
        }
        return "redirect:/learning/exams/" + id;
    }

    @PostMapping("/learning/exams/{id}/withdraw")
    String withdraw(DataScope scope, @PathVariable long id, HttpServletRequest request, Model model,
                    RedirectAttributes redirect) {
        Exam e = exams.get(scope, id);
        if (!Confirmation.confirmed(request)) {
            return Confirmation.of(request, "撤回", "确定撤回吗？撤回后党员不能再作答，已有的成绩保留；撤回后不能再次发布。",
                    List.of(Confirmation.line("名称", e.title())), List.of()).show(model);
        }
        try {
            exams.withdraw(scope, id);
            redirect.addFlashAttribute("notice", "已撤回");
        } catch (InvalidInputException ex) {
            redirect.addFlashAttribute("actionErrors", ex.fieldErrors());
        }
        return "redirect:/learning/exams/" + id;
    }

    @GetMapping("/learning/exams/{id}/results.xlsx")
    ResponseEntity<byte[]> results(DataScope scope, @PathVariable long id) {
        Exam exam = exams.get(scope, id);
        return Downloads.attachment(exam.title() + "-成绩.xlsx", MediaType.parseMediaType(ExamPages.XLSX),
                ResultsSheet.write(exam, exams.results(scope, id)));
    }

    private String form(DataScope scope, Model model, Exam existing, boolean daily, ExamForm form,
                        Map<String, String> errors) {
        model.addAttribute("existing", existing);
        model.addAttribute("daily", daily);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("orgOptions", existing == null ? orgs.options(scope, MANAGERS_ONLY) : List.of());
        List<QuestionBank> bankOptions = banks.list(scope, 0, BANK_OPTIONS);
        model.addAttribute("bankOptions", bankOptions);
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("maxRules", Exams.MAX_RULES);
        return "learning/exam/exam-form";
    }

    /** The names of the rules' banks the caller can see (a bank of an organization above shows as its number). */
    private Map<Long, String> bankNames(DataScope scope, List<ExamRule> rules) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (ExamRule r : rules) {
            names.computeIfAbsent(r.bankId(), id -> {
                try {
                    return banks.get(scope, id).name();
                } catch (cn.zhibu.platform.NotFoundException e) {
                    return "上级组织的题库（编号" + id + "）";
                }
            });
        }
        return names;
    }
}
