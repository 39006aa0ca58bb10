package cn.zhibu.learning.exam.web;

import cn.zhibu.learning.exam.BankImportReport;
import cn.zhibu.learning.exam.BankSheet;
import cn.zhibu.learning.exam.Question;
import cn.zhibu.learning.exam.QuestionBank;
import cn.zhibu.learning.exam.QuestionBanks;
import cn.zhibu.learning.exam.QuestionCheck;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.learning.exam.web.BankPageForms.BankForm;
import cn.zhibu.learning.exam.web.BankPageForms.QuestionForm;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.ShortText;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Question banks for their managers: the list, a bank's form, its questions (filtered by topic and kind; added,
 * changed and retired one by one), the Excel template, the import with its per-row report, and the export.
 */
@Controller
class BankPageController {

    private static final int PAGE_SIZE = 20;
    private static final String MANAGERS_ONLY = "只有党组织书记和组织管理员可以管理题库";

    private final QuestionBanks banks;
    private final ManagedOrgs orgs;

    BankPageController(QuestionBanks banks, ManagedOrgs orgs) {
        this.banks = banks;
        this.orgs = orgs;
    }

    @GetMapping("/learning/banks")
    String list(DataScope scope, @RequestParam(defaultValue = "0") int page, Model model) {
        if (!scope.hasManagedScope()) {
            return "redirect:/learning/exams/mine";
        }
        long total = banks.count(scope);
        model.addAttribute("banks", banks.list(scope, page, PAGE_SIZE));
        model.addAttribute("pager", new Pager(page, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE), total));
        return "learning/exam/banks";
    }

    @GetMapping("/learning/banks/new")
    String newBank(DataScope scope, Model model) {
        var options = orgs.options(scope, MANAGERS_ONLY);
        return bankForm(model, null, new BankForm(ManagedOrgs.single(options), null, null), Map.of(), options);
    }

    @PostMapping("/learning/banks")
    String create(DataScope scope, @Valid @ModelAttribute("form") BankForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            QuestionBank bank = banks.create(scope, form.orgId(), form.name(), form.description());
            redirect.addFlashAttribute("notice", "已新建题库，可逐题添加或从Excel导入");
            return "redirect:/learning/banks/" + bank.id();
        } catch (InvalidInputException e) {
            return bankForm(model, null, form, e.fieldErrors(), orgs.options(scope, MANAGERS_ONLY));
        }
    }

    @GetMapping("/learning/banks/{id}/edit")
    String editBank(DataScope scope, @PathVariable long id, Model model) {
        QuestionBank bank = banks.get(scope, id);
        return bankForm(model, bank, new BankForm(bank.orgId(), bank.name(), bank.description()), Map.of(), List.of());
    }

    @PostMapping("/learning/banks/{id}")
    String rename(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") BankForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        QuestionBank bank = banks.get(scope, id);
        try {
            BindingProblems.throwIfAny(binding);
            banks.rename(scope, id, form.name(), form.description());
            redirect.addFlashAttribute("notice", "已保存");
            return "redirect:/learning/banks/" + id;
        } catch (InvalidInputException e) {
            return bankForm(model, bank, form, e.fieldErrors(), List.of());
        }
    }

    @GetMapping("/learning/banks/{id}")
    String show(DataScope scope, @PathVariable long id, @RequestParam(required = false) @ShortText("知识点") String topic,
                @RequestParam(required = false) QuestionKind kind, @RequestParam(defaultValue = "0") int page,
                Model model) {
        QuestionBank bank = banks.get(scope, id);
        long total = banks.countQuestions(scope, id, topic, kind);
        model.addAttribute("bank", bank);
        model.addAttribute("questions", banks.questions(scope, id, topic, kind, page, PAGE_SIZE));
        model.addAttribute("topics", banks.topics(scope, id).stream().map(t -> t.topic()).distinct().toList());
        model.addAttribute("topic", topic);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("pager", new Pager(page, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE), total));
        StringBuilder base = new StringBuilder("/learning/banks/" + id + "?");
        if (topic != null && !topic.isBlank()) {
            base.append("topic=").append(URLEncoder.encode(topic, StandardCharsets.UTF_8)).append('&');
        }
        if (kind != null) {
            base.append("kind=").append(kind).append('&');
        }
        model.addAttribute("baseUrl", base.toString());
        return "learning/exam/bank";
    }

    @GetMapping("/learning/banks/{id}/questions/new")
    String newQuestion(DataScope scope, @PathVariable long id, Model model) {
        return questionForm(model, banks.get(scope, id), null, QuestionForm.empty(), Map.of());
    }

    @PostMapping("/learning/banks/{id}/questions")
    String add(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") QuestionForm form,
               BindingResult binding, Model model, RedirectAttributes redirect) {
        QuestionBank bank = banks.get(scope, id);
        try {
            BindingProblems.throwIfAny(binding);
            banks.add(scope, id, form.draft());
            redirect.addFlashAttribute("notice", "已添加试题");
            return "redirect:/learning/banks/" + id;
        } catch (InvalidInputException e) {
            return questionForm(model, bank, null, form, e.fieldErrors());
        }
    }

    @GetMapping("/learning/banks/{id}/questions/{questionId}/edit")
    String editQuestion(DataScope scope, @PathVariable long id, @PathVariable long questionId, Model model) {
        Question q = banks.question(scope, id, questionId);
        return questionForm(model, banks.get(scope, id), q, QuestionForm.of(q), Map.of());
    }

    @PostMapping("/learning/banks/{id}/questions/{questionId}")
    String edit(DataScope scope, @PathVariable long id, @PathVariable long questionId,
                @Valid @ModelAttribute("form") QuestionForm form, BindingResult binding, Model model,
                RedirectAttributes redirect) {
        Question q = banks.question(scope, id, questionId);
        try {
            BindingProblems.throwIfAny(binding);
            banks.edit(scope, id, questionId, form.draft());
            redirect.addFlashAttribute("notice", "已修改试题");
            return "redirect:/learning/banks/" + id;
        } catch (InvalidInputException e) {
            return questionForm(model, banks.get(scope, id), q, form, e.fieldErrors());
        }
    }

    @PostMapping("/learning/banks/{id}/questions/{questionId}/retire")
    String retire(DataScope scope, @PathVariable long id, @PathVariable long questionId, HttpServletRequest request,
                  Model model, RedirectAttributes redirect) {
        Question q = banks.question(scope, id, questionId);
        if (!Confirmation.confirmed(request)) {
            return Confirmation.of(request, "删除试题", "确定从题库中删除这道题吗？已抽到该题的答题记录保留该题，"
                    + "以后的考试不再抽到它。", List.of(Confirmation.line("题型", q.kind().label()),
                    Confirmation.line("知识点", q.topic()), Confirmation.line("题干", q.stem())), List.of()).show(model);
        }
        banks.retire(scope, id, questionId);
        redirect.addFlashAttribute("notice", "已删除试题");
        return "redirect:/learning/banks/" + id;
    }

    @GetMapping("/learning/banks/{id}/import")
    String importPage(DataScope scope, @PathVariable long id, Model model) {
        return importPage(model, banks.get(scope, id), null, Map.of());
    }

    /**
     * Checks every row; a bad row imports nothing and the report lists each problem, with a button that posts the
     * same form again (the file still chosen when the page swapped only the report) asking for the good rows only.
     */
    @PostMapping("/learning/banks/{id}/import")
    String importSheet(DataScope scope, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                       @RequestParam(defaultValue = "false") boolean onlyValidRows, Model model) throws IOException {
        QuestionBank bank = banks.get(scope, id);
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "请选择要导入的 Excel 文件");
            }
            try (InputStream in = file.getInputStream()) {
                BankImportReport report = banks.importSheet(scope, id, in, onlyValidRows);
                return importPage(model, banks.get(scope, id), report, Map.of());
            }
        } catch (InvalidInputException e) {
            return importPage(model, bank, null, e.fieldErrors());
        }
    }

    @GetMapping(value = "/learning/banks/template.xlsx")
    ResponseEntity<byte[]> template() {
        return Downloads.attachment("试题导入模板.xlsx", MediaType.parseMediaType(ExamPages.XLSX), BankSheet.template());
    }

    @GetMapping(value = "/learning/banks/{id}/export.xlsx")
    ResponseEntity<byte[]> export(DataScope scope, @PathVariable long id) {
        QuestionBank bank = banks.get(scope, id);
        return Downloads.attachment(bank.name() + ".xlsx", MediaType.parseMediaType(ExamPages.XLSX),
                banks.export(scope, id));
    }

    private String bankForm(Model model, QuestionBank existing, BankForm form, Map<String, String> errors,
                            List<?> orgOptions) {
        model.addAttribute("existing", existing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("orgOptions", orgOptions);
        return "learning/exam/bank-form";
    }

    private String questionForm(Model model, QuestionBank bank, Question existing, QuestionForm form,
                                Map<String, String> errors) {
        model.addAttribute("bank", bank);
        model.addAttribute("existing", existing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("maxOptions", QuestionCheck.MAX_OPTIONS);
        return "learning/exam/question-form";
    }

    private String importPage(Model model, QuestionBank bank, BankImportReport report, Map<String, String> errors) {
        model.addAttribute("bank", bank);
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("maxRows", QuestionBanks.MAX_IMPORT_ROWS);
        return "learning/exam/bank-import";
    }
}
