package cn.zhibu.life.appraisal.web;

import cn.zhibu.life.appraisal.Appraisal;
import cn.zhibu.life.appraisal.AppraisalBallots;
import cn.zhibu.life.appraisal.AppraisalParticipation;
import cn.zhibu.life.appraisal.AppraisalService;
import cn.zhibu.life.appraisal.AppraisalStage;
import cn.zhibu.life.appraisal.Grade;
import cn.zhibu.life.appraisal.Participant;
import cn.zhibu.life.appraisal.PeerReview;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NoteText;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a member does in an appraisal, on their phone: write the 个人自评, the 党员互评, and cast the anonymous ballot.
 * A ballot is checked, shown for confirmation ({@link Confirmation}: the choices travel in the form, never in the
 * session) and then cast; a refused ballot comes back as the page itself, never through a flash attribute, which the
 * session would keep under the voter's name.
 */
@Controller
class MemberAppraisalPageController {

    /** Form fields of a ballot: {@code g-<memberId>} = grade. */
    static final String GRADE_FIELD = "g-";

    private final AppraisalService appraisals;
    private final AppraisalParticipation participation;
    private final AppraisalBallots ballots;

    MemberAppraisalPageController(AppraisalService appraisals, AppraisalParticipation participation,
                                  AppraisalBallots ballots) {
        this.appraisals = appraisals;
        this.participation = participation;
        this.ballots = ballots;
    }

    @GetMapping("/life/appraisals/{id}/self")
    String selfForm(DataScope scope, @PathVariable long id, Model model) {
        Appraisal a = appraisals.get(scope, id);
        String text = participation.ownSelfAssessment(scope, id).map(s -> s.text()).orElse(null);
        return self(model, a, scope, text, Map.of());
    }

    @PostMapping("/life/appraisals/{id}/self")
    String writeSelf(DataScope scope, @PathVariable long id,
                     @RequestParam(required = false) @LongText("个人自评") String text, Model model,
                     RedirectAttributes redirect) {
        try {
            participation.writeSelfAssessment(scope, id, text);
            redirect.addFlashAttribute("notice", "已保存个人自评；个人自评结束前可以修改");
            return "redirect:/life/appraisals/" + id;
        } catch (InvalidInputException e) {
            return self(model, appraisals.get(scope, id), scope, text, e.fieldErrors());
        }
    }

    private String self(Model model, Appraisal a, DataScope scope, String text, Map<String, String> errors) {
        model.addAttribute("a", a);
        model.addAttribute("takesPart", appraisals.takesPart(scope, a));
        model.addAttribute("open", a.isOpen(AppraisalStage.SELF_ASSESSMENT));
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        model.addAttribute("limit", AppraisalParticipation.SELF_ASSESSMENT_LIMIT);
        return "life/appraisal/self";
    }

    @GetMapping("/life/appraisals/{id}/reviews")
    String reviewsPage(DataScope scope, @PathVariable long id, Model model) {
        return reviews(model, scope, appraisals.get(scope, id), null, null, Map.of());
    }

    @PostMapping("/life/appraisals/{id}/reviews")
    String review(DataScope scope, @PathVariable long id, @RequestParam(required = false) Long subjectId,
                  @RequestParam(required = false) @NoteText("互评意见") String text, Model model,
                  RedirectAttributes redirect) {
        try {
            if (subjectId == null) {
                throw InvalidInputException.of("subjectId", "请选择被评价的党员");
            }
            PeerReview r = participation.review(scope, id, subjectId, text);
            redirect.addFlashAttribute("notice", "已保存对" + r.subjectName() + "的互评意见");
            return "redirect:/life/appraisals/" + id + "/reviews";
        } catch (InvalidInputException e) {
            return reviews(model, scope, appraisals.get(scope, id), subjectId, text, e.fieldErrors());
        }
    }

    private String reviews(Model model, DataScope scope, Appraisal a, Long subjectId, String text,
                           Map<String, String> errors) {
        boolean takesPart = appraisals.takesPart(scope, a);
        model.addAttribute("a", a);
        model.addAttribute("takesPart", takesPart);
        model.addAttribute("open", a.isOpen(AppraisalStage.PEER_REVIEW));
        model.addAttribute("reviews", participation.reviews(scope, a.id()));
        model.addAttribute("self", scope.selfMemberId());
        model.addAttribute("subjects", takesPart ? participation.reviewSubjects(scope, a.id()) : List.of());
        model.addAttribute("subjectId", subjectId);
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        return "life/appraisal/reviews";
    }

    @GetMapping("/life/appraisals/{id}/ballot")
    String ballotForm(DataScope scope, @PathVariable long id, Model model) {
        return ballot(model, scope, appraisals.get(scope, id), Map.of(), Map.of());
    }

    /** Check → confirm → cast; "返回修改" and refusals show the form again with the choices as posted. */
    @PostMapping("/life/appraisals/{id}/ballot")
    String cast(DataScope scope, @PathVariable long id, HttpServletRequest request, Model model,
                RedirectAttributes redirect) {
        Appraisal a = appraisals.get(scope, id);
        Map<Long, Grade> choices = new HashMap<>();
        try {
            choices.putAll(choices(request));
            if (Confirmation.revising(request)) {
                return ballot(model, scope, a, choices, Map.of());
            }
            Map<Long, Grade> checked = ballots.check(scope, id, choices);
            if (!Confirmation.confirmed(request)) {
                List<Confirmation.Line> lines = new ArrayList<>();
                for (Participant p : ballots.rated(scope, id)) {
                    lines.add(Confirmation.line(p.name(), checked.get(p.memberId()).label()));
                }
                return Confirmation.of(request, "民主测评", "确定投出这张测评票吗？",
                        lines, List.of("投票不记名，投出后本人也不能查看或更改")).show(model);
            }
            ballots.cast(scope, id, checked);
            // the same words for every ballot: the flash message waits in the session, which names the voter
            redirect.addFlashAttribute("notice", "已投票，感谢您参加民主测评");
            return "redirect:/life/appraisals/" + id;
        } catch (InvalidInputException e) {
            return ballot(model, scope, a, choices, e.fieldErrors());
        }
    }

    private String ballot(Model model, DataScope scope, Appraisal a, Map<Long, Grade> choices,
                          Map<String, String> errors) {
        model.addAttribute("a", a);
        model.addAttribute("takesPart", appraisals.takesPart(scope, a));
        model.addAttribute("open", a.isOpen(AppraisalStage.BALLOT));
        model.addAttribute("voted", ballots.hasVoted(scope, a.id()));
        model.addAttribute("rated", ballots.rated(scope, a.id()));
        model.addAttribute("grades", Grade.values());
        model.addAttribute("choices", choices);
        model.addAttribute("errors", errors);
        model.addAttribute("field", GRADE_FIELD);
        return "life/appraisal/ballot";
    }

    /** The grades posted as {@code g-<memberId>}; a field that names no member or grade is refused. */
    static Map<Long, Grade> choices(HttpServletRequest request) {
        Map<Long, Grade> choices = new HashMap<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (!e.getKey().startsWith(GRADE_FIELD) || e.getValue().length == 0 || e.getValue()[0].isBlank()) {
                continue;
            }
            try {
                choices.put(Long.parseLong(e.getKey().substring(GRADE_FIELD.length())), Grade.valueOf(e.getValue()[0]));
            } catch (IllegalArgumentException bad) {
                throw InvalidInputException.of("grades", "提交的等次格式不正确");
            }
        }
        return choices;
    }
}
