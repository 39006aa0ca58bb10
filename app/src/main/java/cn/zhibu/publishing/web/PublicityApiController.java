package cn.zhibu.publishing.web;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import cn.zhibu.publishing.Publicity;
import cn.zhibu.publishing.PublicityComment;
import cn.zhibu.publishing.PublicityDraft;
import cn.zhibu.publishing.PublicityPage;
import cn.zhibu.publishing.PublicityService;
import cn.zhibu.publishing.PublicityStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/publicity")
@Tag(name = "公示", description = "党组织发布公示，公示期按工作日（节假日安排）计算；公示期内本组织及下级的党员可提出意见，"
        + "实名意见向管理者显示姓名，匿名意见不显示")
class PublicityApiController {

    private final PublicityService publicity;

    PublicityApiController(PublicityService publicity) {
        this.publicity = publicity;
    }

    /** What a client posts to publish: {@code orgId}, {@code title}, {@code body}, {@code startsOn}, {@code workingDays}
     * are required (a missing one is named in the answer); {@code subjectType} and {@code subjectId} go together. */
    record PublishRequest(Long orgId, @ShortText("标题") String title, @LongText("公示内容") String body,
                          @SensibleDate("开始日期") LocalDate startsOn, Integer workingDays,
                          @ShortText("公示对象类型") String subjectType, Long subjectId) {

        PublicityDraft draft() {
            return new PublicityDraft(orgId == null ? 0 : orgId, title, body, startsOn,
                    workingDays == null ? 0 : workingDays, subjectType, subjectId);
        }
    }

    record CommentRequest(@NoteText("意见") String text, Boolean anonymous) {
    }

    record WithdrawRequest(@NoteText("撤回原因") String reason) {
    }

    @GetMapping
    @Operation(summary = "我可以查看的公示", description = "管理者看到所管理组织及其下级发布的公示，党员看到本组织及上级组织发布的公示；新发布的在前")
    PublicityPage list(DataScope scope,
                       @Parameter(description = "UPCOMING 未开始、OPEN 公示中、ENDED 已结束、WITHDRAWN 已撤回；不填为全部")
                       @RequestParam(required = false) PublicityStatus status,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return publicity.list(scope, status, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布公示", description = "orgId 为发布的党组织（须在管理范围内）；startsOn 不早于今天；workingDays 为1–30个工作日，"
            + "结束日期按节假日安排计算（endsOn）。subjectType 与 subjectId 关联业务对象，可不填；目前的类型为 admission_case"
            + "（发展党员记录），须在您的管理范围内，且属于发布的党组织或其下级组织，否则与不存在的编号同样被拒绝")
    Publicity publish(DataScope scope, @RequestBody PublishRequest request) {
        return publicity.publish(scope, request.draft());
    }

    @GetMapping("/by-subject")
    @Operation(summary = "某一业务对象的公示（新的在前）")
    List<Publicity> forSubject(DataScope scope, @RequestParam @ShortText("公示对象类型") String subjectType,
                                @RequestParam long subjectId) {
        return publicity.forSubject(scope, subjectType, subjectId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "公示详情")
    Publicity get(DataScope scope, @PathVariable long id) {
        return publicity.get(scope, id);
    }

    @GetMapping("/{id}/comments")
    @Operation(summary = "公示收到的意见", description = "发布组织的管理者看到全部意见（匿名意见不显示姓名），其他人只看到自己提出的")
    List<PublicityComment> comments(DataScope scope, @PathVariable long id) {
        return publicity.comments(scope, id);
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提出意见", description = "仅在公示期内（开始日至结束日，均含）；anonymous 为 true 时管理者看不到姓名")
    PublicityComment comment(DataScope scope, @PathVariable long id, @RequestBody CommentRequest request) {
        return publicity.comment(scope, id, request.text(), Boolean.TRUE.equals(request.anonymous()));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "撤回公示", description = "公示期结束前，由发布组织（或其上级）的管理者撤回，须说明原因")
    Publicity withdraw(DataScope scope, @PathVariable long id, @RequestBody WithdrawRequest request) {
        return publicity.withdraw(scope, id, request.reason());
    }
}
