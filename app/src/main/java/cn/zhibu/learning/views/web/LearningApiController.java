package cn.zhibu.learning.views.web;

import cn.zhibu.platform.CachedRead;
import cn.zhibu.learning.views.LearningBehindPage;
import cn.zhibu.learning.views.LearningMine;
import cn.zhibu.learning.views.LearningReminderResult;
import cn.zhibu.learning.views.LearningReminders;
import cn.zhibu.learning.views.LearningRollup;
import cn.zhibu.learning.views.LearningViews;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/learning")
@Tag(name = "学习情况", description = "党员本人的学习情况（待完成的必修课、进度、本年度学时与目标），支部学习进度落后的党员名单与督学提醒，"
        + "上级党委按下级组织汇总的学时、达标率和必修课完成率（可导出Excel）。管理者只能查看所管理的组织，党员只能查看本人的，其他一律404")
class LearningApiController {

    private final LearningViews views;
    private final LearningReminders reminders;

    LearningApiController(LearningViews views, LearningReminders reminders) {
        this.views = views;
        this.reminders = reminders;
    }

    /** Whom to remind: one member behind ({@code memberId}), or every member behind when it is absent. */
    record LearningReminderRequest(Long memberId) {
    }

    @GetMapping("/me")
    @Operation(summary = "我的学习", description = "待完成的必修课（按截止日期，逾期标出，含学习进度）、本年度完成课程数、本年度学时与目标"
            + "（T1/T2；无学时记录时按T1）、近期支部提醒和各学习页面的链接；账号未关联党员时404")
    LearningMine me(DataScope scope) {
        return views.mine(scope);
    }

    @GetMapping("/members/{id}")
    @CachedRead
    @Operation(summary = "某党员的学习情况", description = "本人或其所在组织的管理者可查看，内容同“我的学习”")
    LearningMine member(DataScope scope, @PathVariable long id) {
        return views.member(scope, id);
    }

    @GetMapping("/branch/{orgId}")
    @CachedRead
    @Operation(summary = "学习进度落后的党员", description = "组织及其下级中必修课逾期未完成，或本年度学时低于按日进度应达学时的党员"
            + "（哪些课程、何时截止、学时还差多少）；按游标分页：下一页传入上一页的 next。仅本组织书记和上级管理者可查看")
    LearningBehindPage branch(DataScope scope, @PathVariable long orgId,
                              @Parameter(description = "上一页的 next") @RequestParam(required = false)
                              @ShortText("分页位置") String after,
                              @RequestParam(defaultValue = "50") int size) {
        return views.behind(scope, orgId, after, size);
    }

    @PostMapping("/branch/{orgId}/reminders")
    @Operation(summary = "提醒学习进度落后的党员", description = "提醒一名（memberId）或全部落后的党员，提醒进入其待办（配置了邮件时同时发邮件）；"
            + "同一党员同一事项每天只提醒一次，重复提醒不再发送。记入审计日志")
    LearningReminderResult remind(DataScope scope, @PathVariable long orgId,
                                  @RequestBody(required = false) LearningReminderRequest request) {
        return reminders.remind(scope, orgId, request == null ? null : request.memberId());
    }

    @GetMapping("/rollup/{orgId}")
    @CachedRead
    @Operation(summary = "上级党委的学习汇总", description = "本组织（含全部下级）及每个下级组织的党员数、参学人数、学时合计与人均、"
            + "达标人数与达标率，以及所选必修课（course）的完成人数与完成率，均来自汇总表")
    LearningRollup rollup(DataScope scope, @PathVariable long orgId,
                          @Parameter(description = "年份，默认今年") @RequestParam(required = false) Integer year,
                          @Parameter(description = "必修课编号（发给本组织的）") @RequestParam(required = false) Long course) {
        return views.rollup(scope, orgId, year == null ? views.today().getYear() : year, course);
    }

    @GetMapping("/rollup/{orgId}/export")
    @Operation(summary = "导出学习汇总（xlsx）")
    ResponseEntity<byte[]> export(DataScope scope, @PathVariable long orgId,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) Long course) {
        LearningRollup rollup = views.rollup(scope, orgId, year == null ? views.today().getYear() : year, course);
        return Downloads.attachment(LearningRollupExport.fileName(rollup), LearningRollupExport.XLSX,
                LearningRollupExport.xlsx(rollup));
    }
}
