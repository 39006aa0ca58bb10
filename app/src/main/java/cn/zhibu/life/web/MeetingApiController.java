package cn.zhibu.life.web;

import cn.zhibu.life.Invitee;
import cn.zhibu.life.InviteeResponse;
import cn.zhibu.life.Meeting;
import cn.zhibu.life.MeetingAnswers;
import cn.zhibu.life.MeetingDraft;
import cn.zhibu.life.MeetingFilter;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingPage;
import cn.zhibu.life.MeetingService;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.platform.CachedRead;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
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

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/life/meetings")
@Tag(name = "组织生活", description = "三会一课、主题党日、组织生活会、民主评议党员的会议安排：党组织的书记、组织管理员安排、修改、取消会议并审批请假，"
        + "受邀党员确认参加或请假。时间为服务器时区的本地时间（yyyy-MM-ddTHH:mm）；不在查看范围内的会议一律答复404")
class MeetingApiController {

    private final MeetingService meetings;
    private final MeetingAnswers answers;

    MeetingApiController(MeetingService meetings, MeetingAnswers answers) {
        this.meetings = meetings;
        this.answers = answers;
    }

    /**
     * A meeting to schedule or the new state of a planned one: {@code orgId} (for a new one), {@code title},
     * {@code kinds}, {@code startsAt}, {@code endsAt} and {@code place} or {@code onlineLink} are required; a missing
     * one is named in the answer.
     */
    record MeetingRequest(Long orgId, @ShortText("会议名称") String title, Set<MeetingKind> kinds,
                          LocalDateTime startsAt, LocalDateTime endsAt, @ShortText("会议地点") String place,
                          @ShortText("线上会议链接") String onlineLink, @LongText("会议议程") String agenda,
                          Long speakerMemberId, @NameText("党课主讲人") String speakerName, Integer version) {

        MeetingDraft draft(long orgId) {
            return new MeetingDraft(orgId, title, kinds == null ? EnumSet.noneOf(MeetingKind.class) : kinds, startsAt,
                    endsAt, place, onlineLink, agenda, speakerMemberId, speakerName, version);
        }
    }

    record CancelRequest(@NoteText("取消原因") String reason) {
    }

    /** CONFIRMED (确认参加) or LEAVE (请假, with {@code reason}). */
    record AnswerRequest(InviteeResponse response, @NoteText("请假事由") String reason) {
    }

    record LeaveDecision(Boolean approve) {
    }

    @GetMapping
    @CachedRead
    @Operation(summary = "会议列表（近的在前）", description = "管理者看到所管理组织及其下级的会议（orgId 只看该组织及其下级），"
            + "党员看到自己受邀参加的会议。total 最多计到10001（totalExact 为 false 时表示“10000条以上”）")
    MeetingPage list(DataScope scope,
                     @Parameter(description = "组织 id：只看该组织及其下级") @RequestParam(required = false) Long orgId,
                     @Parameter(description = "会议类型，如 THEME_DAY（主题党日）") @RequestParam(required = false) MeetingKind kind,
                     @Parameter(description = "召开月份，如 2026-05") @RequestParam(required = false)
                     @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                     @Parameter(description = "PLANNED 已安排、HELD 已召开、CONFIRMED 记录已确认、CANCELLED 已取消")
                     @RequestParam(required = false) MeetingStatus status,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return meetings.list(scope, new MeetingFilter(orgId, kind, month, status), page, size);
    }

    @GetMapping("/kinds")
    @Operation(summary = "某组织可以召开的会议类型", description = "支委会仅限设有支部委员会的党支部（B7），党小组会仅限党小组（B8），"
            + "谈心谈话按谈话记录登记、不作为会议安排（B11）")
    List<MeetingKind> kinds(DataScope scope, @RequestParam long orgId) {
        return meetings.kindsFor(scope, orgId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "安排会议", description = "orgId 为召开会议的党组织（须在管理范围内），kinds 至少一种且适用于该组织；"
            + "startsAt 可早于现在（补录未安排过的会议），但不早于补录期限（zhibu.life.record.late-window-days，默认90天）；"
            + "place 与 onlineLink 至少填一项；党课（LECTURE）须有主讲人（speakerMemberId 或 speakerName）。"
            + "参会人员按会议类型自动确定，配置了邮件服务时向其发送会议通知")
    Meeting schedule(DataScope scope, @RequestBody MeetingRequest request) {
        return meetings.schedule(scope, request.draft(request.orgId() == null ? 0 : request.orgId()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "会议详情")
    Meeting get(DataScope scope, @PathVariable long id) {
        return meetings.get(scope, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改会议安排", description = "仅限已安排（PLANNED）的会议；组织不变（orgId 不用填）；version 为读取时的版本，"
            + "不一致时拒绝。参会人员按新的会议类型重新确定，仍受邀者的答复保留")
    Meeting edit(DataScope scope, @PathVariable long id, @RequestBody MeetingRequest request) {
        return meetings.edit(scope, id, request.draft(0));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "取消会议", description = "仅限已安排（PLANNED）的会议，须说明原因；配置了邮件服务时通知参会人员")
    Meeting cancel(DataScope scope, @PathVariable long id, @RequestBody CancelRequest request) {
        return meetings.cancel(scope, id, request.reason());
    }

    @GetMapping("/{id}/invitees")
    @Operation(summary = "参会人员及其答复", description = "管理者看到全部参会人员；党员只看到自己。memberId 为负数的是流入的流动党员"
            + "（不在本组织名册，无表决权，R3）；voting 为有表决权（正式党员且未受留党察看处分）")
    List<Invitee> invitees(DataScope scope, @PathVariable long id) {
        return meetings.invitees(scope, id);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "确认参加或请假", description = "受邀党员本人在会议结束前答复：response 为 CONFIRMED（确认参加）或 LEAVE"
            + "（请假，须填 reason），请假由书记审批")
    Invitee answer(DataScope scope, @PathVariable long id, @RequestBody AnswerRequest request) {
        if (request.response() == null) {
            throw InvalidInputException.of("response", "请选择确认参加（CONFIRMED）或请假（LEAVE）");
        }
        return request.response() == InviteeResponse.CONFIRMED ? answers.confirm(scope, id)
                : answers.askLeave(scope, id, request.reason());
    }

    @PostMapping("/{id}/invitees/{memberId}/leave")
    @Operation(summary = "审批请假", description = "召开会议的党组织（或其上级）的书记、组织管理员批准（approve 为 true）或不批准请假；"
            + "不能审批自己的请假")
    Invitee decideLeave(DataScope scope, @PathVariable long id, @PathVariable long memberId,
                        @RequestBody LeaveDecision request) {
        if (request.approve() == null) {
            throw InvalidInputException.of("approve", "请选择批准（true）或不批准（false）");
        }
        return answers.decideLeave(scope, id, memberId, request.approve());
    }
}
