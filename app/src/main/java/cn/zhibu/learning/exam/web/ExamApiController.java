package cn.zhibu.learning.exam.web;

import cn.zhibu.learning.exam.AttemptReview;
import cn.zhibu.learning.exam.AttemptView;
import cn.zhibu.learning.exam.Exam;
import cn.zhibu.learning.exam.ExamDraft;
import cn.zhibu.learning.exam.ExamResult;
import cn.zhibu.learning.exam.ExamRule;
import cn.zhibu.learning.exam.ExamTaking;
import cn.zhibu.learning.exam.Exams;
import cn.zhibu.learning.exam.MyExam;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;
import java.util.List;

@RestController
@RequestMapping("/api/v1/learning/exams")
@Tag(name = "学习教育·考试", description = "按规则为每名党员随机抽题、选项乱序的在线考试；限时由服务器计时，截止后的作答和交卷被拒绝"
        + "（截止前保存的答案按时交卷计分）；可多次作答取最高分；考试结束（或用完次数）后可查看答案和解析")
class ExamApiController {

    private final Exams exams;
    private final ExamTaking taking;

    ExamApiController(Exams exams, ExamTaking taking) {
        this.exams = exams;
        this.taking = taking;
    }

    /** A draw rule as posted: {@code kind} and {@code topic} may be left out (any). */
    record ExamRuleRequest(Long bankId, @ShortText("知识点") String topic, QuestionKind kind, Integer count,
                           Integer score) {
        ExamRule rule() {
            return new ExamRule(bankId == null ? 0 : bankId, topic == null || topic.isBlank() ? null : topic.strip(),
                    kind, count == null ? 0 : count, score == null ? 0 : score);
        }
    }

    /** An exam to save as a draft (times in China Standard Time, e.g. 2026-07-01T09:00). */
    record ExamRequest(Long orgId, @NameText("名称") String title, @NoteText("说明") String description,
                       Boolean everyone, LocalDateTime opensAt, LocalDateTime closesAt, Integer timeLimitMinutes,
                       Integer maxAttempts, Integer passMark, Boolean partialCredit, Boolean reviewAfterLast,
                       List<@Valid ExamRuleRequest> rules) {
        ExamDraft draft(boolean daily) {
            return new ExamDraft(orgId, daily, title, description, Boolean.TRUE.equals(everyone), opensAt, closesAt,
                    timeLimitMinutes, maxAttempts, passMark, Boolean.TRUE.equals(partialCredit),
                    Boolean.TRUE.equals(reviewAfterLast),
                    rules == null ? List.of() : rules.stream().map(r -> r == null ? null : r.rule()).toList());
        }
    }

    /** One answer: {@code chosen} the positions of the options as shown (0 = the first), or {@code text} for a fill-in. */
    record ExamAnswerRequest(Integer position, List<Integer> chosen, @ShortText("答案") String text) {
    }

    @GetMapping
    @Operation(summary = "我管理范围内的考试", description = "书记、组织管理员：本组织及下级组织组织的考试，结束晚的在前")
    List<Exam> list(DataScope scope, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size) {
        return exams.list(scope, false, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建考试（草稿）", description = "rules 为抽题规则：从题库 bankId 抽 count 道 kind 题型、topic 知识点的题，"
            + "每题 score 分；everyone 为 true 面向全体党员（仅根组织的管理者）")
    Exam create(DataScope scope, @Valid @RequestBody ExamRequest request) {
        return exams.create(scope, request.draft(false));
    }

    @GetMapping("/{id}")
    @Operation(summary = "考试详情（管理者）")
    Exam get(DataScope scope, @PathVariable long id) {
        return exams.get(scope, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改考试草稿")
    Exam update(DataScope scope, @PathVariable long id, @Valid @RequestBody ExamRequest request) {
        return exams.update(scope, id, request.draft(false));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "发布考试", description = "每条抽题规则须在题库中有足够的题")
    Exam publish(DataScope scope, @PathVariable long id) {
        return exams.publish(scope, id);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "撤回考试")
    Exam withdraw(DataScope scope, @PathVariable long id) {
        return exams.withdraw(scope, id);
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "考试成绩（管理范围内的党员）", description = "每名作答党员的次数、最高分、是否及格及首次及格时间")
    List<ExamResult> results(DataScope scope, @PathVariable long id) {
        return exams.results(scope, id);
    }

    @GetMapping(value = "/{id}/results.xlsx", produces = ExamPages.XLSX)
    @Operation(summary = "考试成绩（Excel）")
    ResponseEntity<byte[]> resultsXlsx(DataScope scope, @PathVariable long id) {
        Exam exam = exams.get(scope, id);
        return Downloads.attachment(exam.title() + "-成绩.xlsx", MediaType.parseMediaType(ExamPages.XLSX),
                ResultsSheet.write(exam, exams.results(scope, id)));
    }

    @GetMapping("/mine")
    @Operation(summary = "我的考试", description = "面向本人的考试（本组织及上级组织、或面向全体），含答题次数、最高分、是否及格")
    List<MyExam> mine(DataScope scope) {
        return taking.mine(scope, false);
    }

    @GetMapping("/mine/{id}")
    @Operation(summary = "我的某场考试")
    MyExam myExam(DataScope scope, @PathVariable long id) {
        return taking.exam(scope, id);
    }

    @PostMapping("/mine/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开始答题（或继续未交卷的一次）", description = "抽题并记录截止时间（开始时间加限时，不晚于考试结束）；"
            + "返回的试卷不含答案")
    AttemptView start(DataScope scope, @PathVariable long id) {
        return taking.start(scope, id);
    }

    @GetMapping("/attempts/{attemptId}")
    @Operation(summary = "本人的一次答题", description = "secondsLeft 为服务器计算的剩余秒数")
    AttemptView attempt(DataScope scope, @PathVariable long attemptId) {
        return taking.view(scope, attemptId);
    }

    @PostMapping("/attempts/{attemptId}/answers")
    @Operation(summary = "保存一题的答案", description = "截止后拒绝（400，errors.deadline 说明），此前保存的答案按截止时交卷计分")
    AttemptView answer(DataScope scope, @PathVariable long attemptId, @Valid @RequestBody ExamAnswerRequest request) {
        if (request.position() == null) {
            throw cn.zhibu.platform.InvalidInputException.of("position", "请指明题号");
        }
        return taking.answer(scope, attemptId, request.position(), request.chosen(), request.text());
    }

    @PostMapping("/attempts/{attemptId}/submit")
    @Operation(summary = "交卷", description = "立即评分；截止后拒绝（已按截止时交卷计分）")
    AttemptView submit(DataScope scope, @PathVariable long attemptId) {
        return taking.submit(scope, attemptId);
    }

    @GetMapping("/attempts/{attemptId}/review")
    @Operation(summary = "查看答案和解析", description = "考试结束后（或按考试设置，用完全部答题次数后）")
    AttemptReview review(DataScope scope, @PathVariable long attemptId) {
        return taking.review(scope, attemptId);
    }
}
