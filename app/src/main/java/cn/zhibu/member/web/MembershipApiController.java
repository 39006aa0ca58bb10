package cn.zhibu.member.web;

import cn.zhibu.member.ArchiveStatus;
import cn.zhibu.member.ArchivedMember;
import cn.zhibu.member.ArchivedPage;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberReminder;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusEvent;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.SensibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "党籍管理", description = "转正、停止党籍、恢复党籍、出党、死亡，失联登记，停止党籍/出党党员名单与到期事项（RULES.md D10、D11、R5）")
class MembershipApiController {

    private final MembershipService membership;

    MembershipApiController(MembershipService membership) {
        this.membership = membership;
    }

    @PostMapping("/members/{id}/status-changes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "办理状态变更", description = "kind: CONVERT 转正, SUSPEND 停止党籍, RESTORE 恢复党籍, REMOVE 除名, "
            + "EXPEL 开除党籍, WITHDRAW 退党, CANCEL_PROBATION 取消预备党员资格, DECEASE 死亡；不符合规定的会被拒绝并说明依据")
    StatusEvent change(DataScope scope, @PathVariable long id, @RequestBody StatusChange change) {
        return membership.change(scope, id, change);
    }

    @GetMapping("/members/{id}/status-changes")
    @Operation(summary = "状态变更记录")
    List<StatusEvent> history(DataScope scope, @PathVariable long id) {
        return membership.history(scope, id);
    }

    record LostContact(@SensibleDate("最后联系日期") LocalDate lastContactOn) {
    }

    @PutMapping("/members/{id}/lost-contact")
    @Operation(summary = "登记失联（最后联系日期）")
    Member lostContact(DataScope scope, @PathVariable long id, @RequestBody LostContact request) {
        if (request.lastContactOn() == null) {
            throw cn.zhibu.platform.InvalidInputException.of("lastContactOn", "请填写最后联系日期");
        }
        return membership.setLostContact(scope, id, request.lastContactOn());
    }

    @DeleteMapping("/members/{id}/lost-contact")
    @Operation(summary = "已恢复联系")
    Member inContact(DataScope scope, @PathVariable long id) {
        return membership.setLostContact(scope, id, null);
    }

    @GetMapping("/archived-members")
    @Operation(summary = "停止党籍、出党、去世的党员名单（组织及其下级）")
    ArchivedPage archived(DataScope scope, @RequestParam long orgId,
                          @RequestParam(required = false) ArchiveStatus status,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return membership.archived(scope, orgId, status, page, size);
    }

    @GetMapping("/archived-members/{id}")
    @Operation(summary = "停止党籍、出党、去世的党员记录")
    ArchivedMember archivedMember(DataScope scope, @PathVariable long id) {
        return membership.getArchived(scope, id);
    }

    @GetMapping("/orgs/{id}/member-reminders")
    @Operation(summary = "到期事项：预备期届满待转正、失联满6个月、停止党籍满2年")
    List<MemberReminder> reminders(DataScope scope, @PathVariable long id,
                                   @RequestParam(defaultValue = "50") int limit) {
        return membership.reminders(scope, id, Math.max(1, Math.min(limit, 200)));
    }
}
