package cn.zhibu.learning.points.web;

import cn.zhibu.learning.points.PointsEntry;
import cn.zhibu.learning.points.PointsService;
import cn.zhibu.learning.points.PointsStanding;
import cn.zhibu.learning.points.PointsYear;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NoteText;
import io.swagger.v3.oas.annotations.Operation;
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

import java.util.List;

@RestController
@RequestMapping("/api/v1/learning/points")
@Tag(name = "党员积分", description = "党员积分制（RULES.md L1）：基础分20（只扣不加）、任务分70、奖励分10，方案可按年度和党组织配置；"
        + "每一分都有记录和理由，记录不修改，更正以冲正记录进行。排行榜默认关闭")
class PointsApiController {

    private final PointsService points;

    PointsApiController(PointsService points) {
        this.points = points;
    }

    record PointsAdjustForm(Long memberId, Integer points, @NoteText("理由") String reason) {
    }

    record PointsReverseForm(@NoteText("理由") String reason) {
    }

    @GetMapping("/me")
    @Operation(summary = "我的积分", description = "本人某年度各类积分及每一条记录和理由；year 默认今年")
    PointsYear mine(DataScope scope, @RequestParam(required = false) Integer year) {
        return points.mine(scope, year == null ? points.today().getYear() : year);
    }

    @GetMapping("/members/{memberId}")
    @Operation(summary = "党员的积分", description = "所管理党组织的党员某年度的积分及记录")
    PointsYear of(DataScope scope, @PathVariable long memberId, @RequestParam(required = false) Integer year) {
        return points.of(scope, memberId, year == null ? points.today().getYear() : year);
    }

    @PostMapping("/deductions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "扣减基础分", description = "书记、组织管理员对所管理的党员扣减基础分，须写明理由；基础分最低扣至0")
    PointsEntry deduct(DataScope scope, @RequestBody PointsAdjustForm form) {
        return points.deduct(scope, memberId(form), form.points(), form.reason());
    }

    @PostMapping("/rewards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "给予奖励分", description = "书记、组织管理员给予所管理的党员奖励分，须写明理由；奖励分最高为方案规定的上限")
    PointsEntry reward(DataScope scope, @RequestBody PointsAdjustForm form) {
        return points.reward(scope, memberId(form), form.points(), form.reason());
    }

    @PostMapping("/entries/{entryId}/reverse")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "冲正扣分或奖励", description = "以一条相反的记录冲正手工扣分或奖励，原记录保留")
    PointsEntry reverse(DataScope scope, @PathVariable long entryId, @RequestBody PointsReverseForm form) {
        return points.reverse(scope, entryId, form.reason());
    }

    @GetMapping("/leaderboard")
    @Operation(summary = "积分排行", description = "仅在开启 zhibu.learning.leaderboards 时提供（默认关闭，答复403并说明）")
    List<PointsStanding> leaderboard(DataScope scope, @RequestParam long orgId,
                                     @RequestParam(required = false) Integer year) {
        return points.leaderboard(scope, orgId, year == null ? points.today().getYear() : year);
    }

    private static long memberId(PointsAdjustForm form) {
        if (form.memberId() == null) {
            throw cn.zhibu.platform.InvalidInputException.of("memberId", "请选择党员");
        }
        return form.memberId();
    }
}
