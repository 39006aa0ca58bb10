package cn.zhibu.learning.exam.web;

import cn.zhibu.learning.exam.AttemptView;
import cn.zhibu.learning.exam.Exam;
import cn.zhibu.learning.exam.ExamDraft;
import cn.zhibu.learning.exam.ExamRule;
import cn.zhibu.learning.exam.ExamTaking;
import cn.zhibu.learning.exam.Exams;
import cn.zhibu.learning.exam.MyExam;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NameText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;
import java.util.List;

@RestController
@RequestMapping("/api/v1/learning/quiz")
@Tag(name = "学习教育·每日一练", description = "每天从题库抽几道题的自愿练习，每人每天一次，作答即记录；不强制打卡")
class QuizApiController {

    private final Exams exams;
    private final ExamTaking taking;

    QuizApiController(Exams exams, ExamTaking taking) {
        this.exams = exams;
        this.taking = taking;
    }

    /** A daily quiz: {@code count} questions a day from the bank, {@code score} each, open from opensAt to closesAt. */
    record QuizRequest(Long orgId, @NameText("名称") String title, Long bankId, Integer count, Integer score,
                       Boolean everyone, LocalDateTime opensAt, LocalDateTime closesAt) {
        ExamDraft draft() {
            return new ExamDraft(orgId, true, title, null, Boolean.TRUE.equals(everyone), opensAt, closesAt, null,
                    null, 0, false, false, List.of(new ExamRule(bankId == null ? 0 : bankId, null, null,
                    count == null ? 0 : count, score == null ? 1 : score)));
        }
    }

    @GetMapping
    @Operation(summary = "我管理范围内的每日一练")
    List<Exam> list(DataScope scope, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size) {
        return exams.list(scope, true, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建每日一练（草稿）")
    Exam create(DataScope scope, @Valid @RequestBody QuizRequest request) {
        return exams.create(scope, request.draft());
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "发布每日一练")
    Exam publish(DataScope scope, @PathVariable long id) {
        return exams.publish(scope, id);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "撤回每日一练")
    Exam withdraw(DataScope scope, @PathVariable long id) {
        return exams.withdraw(scope, id);
    }

    @GetMapping("/mine")
    @Operation(summary = "面向我的每日一练", description = "canStart 为今天尚未作答")
    List<MyExam> mine(DataScope scope) {
        return taking.mine(scope, true);
    }

    @PostMapping("/mine/{id}/today")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开始今天的练习（或继续）", description = "作答和交卷用考试的 attempts 接口；每人每天一次")
    AttemptView today(DataScope scope, @PathVariable long id) {
        return taking.start(scope, id);
    }
}
