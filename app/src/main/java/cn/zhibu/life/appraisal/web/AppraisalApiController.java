package cn.zhibu.life.appraisal.web;

import cn.zhibu.life.appraisal.Appraisal;
import cn.zhibu.life.appraisal.AppraisalBallots;
import cn.zhibu.life.appraisal.AppraisalGrading;
import cn.zhibu.life.appraisal.AppraisalPage;
import cn.zhibu.life.appraisal.AppraisalParticipation;
import cn.zhibu.life.appraisal.AppraisalService;
import cn.zhibu.life.appraisal.AppraisalStage;
import cn.zhibu.life.appraisal.BallotResult;
import cn.zhibu.life.appraisal.Grade;
import cn.zhibu.life.appraisal.GradeSheet;
import cn.zhibu.life.appraisal.GradeSummary;
import cn.zhibu.life.appraisal.MeetingOption;
import cn.zhibu.life.appraisal.Participant;
import cn.zhibu.life.appraisal.PeerReview;
import cn.zhibu.life.appraisal.ProposingBody;
import cn.zhibu.life.appraisal.SelfAssessment;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/life/appraisals")
@Tag(name = "民主评议党员", description = "党支部每年一次的民主评议党员（B11），按个人自评、党员互评、民主测评、支委会或党员大会提出评定意见的顺序进行"
        + "（P1）；民主测评不记名，任何记录都不能把党员与其所投内容联系起来；优秀不超过参评正式党员的三分之一（P2），预备党员参加评议但不评定等次")
class AppraisalApiController {

    private final AppraisalService appraisals;
    private final AppraisalParticipation participation;
    private final AppraisalBallots ballots;
    private final AppraisalGrading grading;

    AppraisalApiController(AppraisalService appraisals, AppraisalParticipation participation, AppraisalBallots ballots,
                           AppraisalGrading grading) {
        this.appraisals = appraisals;
        this.participation = participation;
        this.ballots = ballots;
        this.grading = grading;
    }

    record OpenRequest(Long orgId, Integer year) {
    }

    record TextRequest(@LongText("内容") String text) {
    }

    record ReviewRequest(@NoteText("互评意见") String text) {
    }

    /** One grade on a ballot. */
    record BallotEntry(Long memberId, Grade grade) {
    }

    record BallotRequest(List<BallotEntry> grades) {
    }

    record GradeEntry(Long memberId, Grade grade, @NoteText("说明") String note) {
    }

    record GradesRequest(ProposingBody proposedBy, @SensibleDate("会议日期") LocalDate heldOn, Long meetingId,
                         List<GradeEntry> grades) {

        GradeSheet sheet() {
            return new GradeSheet(proposedBy, heldOn, meetingId, grades == null ? List.of() : grades.stream()
                    .map(g -> g == null ? new GradeSheet.Entry(null, null, null)
                            : new GradeSheet.Entry(g.memberId(), g.grade(), g.note())).toList());
        }
    }

    /** What a member's phone needs to show the ballot: whether it is open, whether they voted, whom it grades. */
    record BallotView(boolean open, boolean voted, List<Rated> rated) {
    }

    record Rated(long memberId, String name) {
    }

    @GetMapping
    @Operation(summary = "我可以查看的民主评议", description = "管理者看到所管理党支部的民主评议，党员看到本人参加的；年度新的在前")
    AppraisalPage list(DataScope scope, @Parameter(description = "评议年度，不填为全部") @RequestParam(required = false) Integer year,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return appraisals.list(scope, year, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起民主评议", description = "orgId 为党支部（须在管理范围内），year 为今年或去年；每个支部每年一次。"
            + "参评名单为发起时本支部（含党小组）的正式党员和预备党员，随即开始个人自评")
    Appraisal open(DataScope scope, @RequestBody OpenRequest request) {
        if (request.orgId() == null || request.year() == null) {
            throw InvalidInputException.of(request.orgId() == null ? "orgId" : "year",
                    request.orgId() == null ? "请选择党支部" : "请填写评议年度");
        }
        return appraisals.open(scope, request.orgId(), request.year());
    }

    @GetMapping("/{id}")
    @Operation(summary = "民主评议详情", description = "各环节的开始、结束时间，参评人数、已自评和已参加测评的人数")
    Appraisal get(DataScope scope, @PathVariable long id) {
        return appraisals.get(scope, id);
    }

    @GetMapping("/{id}/participants")
    @Operation(summary = "参评党员及完成情况", description = "仅党支部可见：每名党员是否已自评、是否已参加民主测评（只记录是否投票，不记录所投内容）、评定等次")
    List<Participant> participants(DataScope scope, @PathVariable long id) {
        return appraisals.participants(scope, id);
    }

    @PostMapping("/{id}/stages/{stage}/open")
    @Operation(summary = "开始一个环节", description = "须在前一环节结束后（P1）。开始民主测评时按参评正式党员建立计票")
    Appraisal openStage(DataScope scope, @PathVariable long id, @PathVariable AppraisalStage stage) {
        return appraisals.openStage(scope, id, stage);
    }

    @PostMapping("/{id}/stages/{stage}/close")
    @Operation(summary = "结束一个环节", description = "民主测评须已有人投票；评定等次环节在记录评定结果时结束")
    Appraisal closeStage(DataScope scope, @PathVariable long id, @PathVariable AppraisalStage stage) {
        return appraisals.closeStage(scope, id, stage);
    }

    @GetMapping("/{id}/self-assessments")
    @Operation(summary = "个人自评", description = "党支部看到全部，党员看到本人的")
    List<SelfAssessment> selfAssessments(DataScope scope, @PathVariable long id) {
        return participation.selfAssessments(scope, id);
    }

    @PutMapping("/{id}/self-assessment")
    @Operation(summary = "填写（或修改）本人的个人自评", description = "个人自评环节进行中，由参评党员本人填写，至多10000字")
    SelfAssessment writeSelfAssessment(DataScope scope, @PathVariable long id, @RequestBody TextRequest request) {
        return participation.writeSelfAssessment(scope, id, request.text());
    }

    @GetMapping("/{id}/reviews")
    @Operation(summary = "党员互评意见", description = "党支部看到全部，党员看到本人写的和写给本人的；互评署名")
    List<PeerReview> reviews(DataScope scope, @PathVariable long id) {
        return participation.reviews(scope, id);
    }

    @PutMapping("/{id}/reviews/{memberId}")
    @Operation(summary = "对一名党员填写（或修改）互评意见", description = "党员互评环节进行中；memberId 为被评价的参评党员，不能是本人")
    PeerReview review(DataScope scope, @PathVariable long id, @PathVariable long memberId,
                      @RequestBody ReviewRequest request) {
        return participation.review(scope, id, memberId, request.text());
    }

    @GetMapping("/{id}/ballot")
    @Operation(summary = "本人的民主测评票", description = "测评是否进行中、本人是否已投票，以及需评定等次的正式党员")
    BallotView ballot(DataScope scope, @PathVariable long id) {
        Appraisal a = appraisals.get(scope, id);
        return new BallotView(a.isOpen(AppraisalStage.BALLOT), ballots.hasVoted(scope, id),
                ballots.rated(scope, id).stream().map(p -> new Rated(p.memberId(), p.name())).toList());
    }

    @PostMapping("/{id}/ballot")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "投出民主测评票（不记名）", description = "民主测评进行中，每名参评党员（含预备党员）一票，为每名参评正式党员选择"
            + "EXCELLENT 优秀、QUALIFIED 合格、BASIC 基本合格或 UNQUALIFIED 不合格。只记录本人已投票，所投内容只计入各等次的票数，"
            + "与投票人无任何关联；投出后不能查看或更改。应答不回显所投内容")
    void castBallot(DataScope scope, @PathVariable long id, @RequestBody BallotRequest request) {
        Map<Long, Grade> ballot = new HashMap<>();
        for (BallotEntry e : request.grades() == null ? List.<BallotEntry>of() : request.grades()) {
            if (e == null || e.memberId() == null) {
                throw InvalidInputException.of("grades", "每一项须填写党员（memberId）");
            }
            if (ballot.put(e.memberId(), e.grade()) != null) {
                throw InvalidInputException.of("grades", "同一名党员只能选择一个等次");
            }
        }
        ballots.cast(scope, id, ballot);
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "民主测评情况", description = "仅党支部可见：投票人数；测评结束后为每名正式党员各等次的票数。任何人都看不到某一党员所投的内容")
    BallotResult results(DataScope scope, @PathVariable long id) {
        return ballots.result(scope, id);
    }

    @GetMapping("/{id}/grades")
    @Operation(summary = "评定等次", description = "仅党支部可见：每名参评党员的等次，优秀名额（参评正式党员的三分之一，取整）；"
            + "有不合格时附说明：先教育帮助、限期改正，再按规定组织处置（P2）")
    GradeSummary grades(DataScope scope, @PathVariable long id) {
        return grading.summary(scope, id);
    }

    @GetMapping("/{id}/meetings")
    @Operation(summary = "可关联的会议", description = "仅党支部可见：本支部自评议年度起已记录的支委会和党员大会，记录评定等次时可作为 meetingId")
    List<MeetingOption> meetings(DataScope scope, @PathVariable long id) {
        return grading.meetingOptions(scope, id);
    }

    @PostMapping("/{id}/grades")
    @Operation(summary = "记录评定等次，完成民主评议", description = "评定等次环节进行中，由党支部记录支委会（须设有支委会）或党员大会"
            + "提出的评定意见：proposedBy 为 COMMITTEE 或 GENERAL_ASSEMBLY；meetingId 为平台上已记录的该次会议（可不填），"
            + "不填时 heldOn 为会议日期。每名参评正式党员一个等次，预备党员不评定；优秀不超过三分之一（3×优秀≤参评正式党员数）。"
            + "完成后即为本支部本年度的民主评议党员（B11）")
    Appraisal recordGrades(DataScope scope, @PathVariable long id, @RequestBody GradesRequest request) {
        return grading.record(scope, id, request.sheet());
    }
}
