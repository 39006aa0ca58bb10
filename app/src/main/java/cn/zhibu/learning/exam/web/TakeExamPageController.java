package cn.zhibu.learning.exam.web;

import cn.zhibu.learning.exam.AttemptView;
import cn.zhibu.learning.exam.ExamTaking;
import cn.zhibu.learning.exam.MyExam;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/**
 * A member's exams on a phone: the list, one exam with its attempts, the paper (one form, every answer saved on
 * each post; the countdown is the server's seconds left), and the review after the exam. Daily quizzes likewise.
 */
@Controller
class TakeExamPageController {

    private final ExamTaking taking;

    TakeExamPageController(ExamTaking taking) {
        this.taking = taking;
    }

    @GetMapping("/learning/exams/mine")
    String mine(DataScope scope, Model model) {
        model.addAttribute("exams", taking.mine(scope, false));
        model.addAttribute("quizzes", taking.mine(scope, true));
        return "learning/exam/mine";
    }

    @GetMapping({"/learning/exams/mine/{id}", "/learning/quiz/mine/{id}"})
    String exam(DataScope scope, @PathVariable long id, Model model) {
        MyExam mine = taking.exam(scope, id);
        model.addAttribute("m", mine);
        return "learning/exam/exam";
    }

    @PostMapping({"/learning/exams/mine/{id}/start", "/learning/quiz/mine/{id}/start"})
    String start(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        try {
            AttemptView view = taking.start(scope, id);
            return "redirect:/learning/exams/attempts/" + view.attemptId();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
            return "redirect:/learning/exams/mine/" + id;
        }
    }

    @GetMapping("/learning/exams/attempts/{attemptId}")
    String attempt(DataScope scope, @PathVariable long attemptId, Model model) {
        AttemptView view = taking.view(scope, attemptId);
        model.addAttribute("a", view);
        return "learning/exam/attempt";
    }

    /** Saves every answer of the form; with {@code submit} then submits. After the deadline: refused, graded. */
    @PostMapping("/learning/exams/attempts/{attemptId}")
    String save(DataScope scope, @PathVariable long attemptId, HttpServletRequest request, RedirectAttributes redirect) {
        AttemptView view = taking.view(scope, attemptId);
        try {
            for (AttemptView.ExamPaperItem item : view.items()) {
                String name = "q" + item.position();
                if (item.kind() == QuestionKind.FILL) {
                    String text = request.getParameter(name);
                    if (text != null) {
                        taking.answer(scope, attemptId, item.position(), null, text);
                    }
                } else {
                    String[] values = request.getParameterValues(name);
                    List<Integer> chosen = new ArrayList<>();
                    for (String v : values == null ? new String[0] : values) {
                        try {
                            chosen.add(Integer.parseInt(v));
                        } catch (NumberFormatException e) {
                            throw InvalidInputException.of(name, "第" + (item.position() + 1) + "题的选项不正确");
                        }
                    }
                    if (!chosen.equals(item.chosen())) {
                        taking.answer(scope, attemptId, item.position(), chosen, null);
                    }
                }
            }
            if (request.getParameter("submit") != null) {
                AttemptView done = taking.submit(scope, attemptId);
                redirect.addFlashAttribute("notice", "已交卷，得分 " + done.score() + "/" + done.maxScore()
                        + (done.daily() ? "" : done.passed() ? "，考试及格" : "，未及格"));
                return "redirect:/learning/exams/mine/" + done.examId();
            }
            redirect.addFlashAttribute("notice", "答案已保存");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
        }
        return "redirect:/learning/exams/attempts/" + attemptId;
    }

    @GetMapping("/learning/exams/attempts/{attemptId}/review")
    String review(DataScope scope, @PathVariable long attemptId, Model model) {
        model.addAttribute("r", taking.review(scope, attemptId));
        return "learning/exam/review";
    }
}
