package cn.zhibu.member.web;

import cn.zhibu.member.FloatingService;
import cn.zhibu.member.Inflow;
import cn.zhibu.member.InflowForm;
import cn.zhibu.member.MemberReminder;
import cn.zhibu.member.Outflow;
import cn.zhibu.member.OutflowForm;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
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

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "流动党员", description = "外出登记与联系、活动证、返回；流入登记（RULES.md R1、R2、R3、E2）")
class FloatingApiController {

    private final FloatingService floating;

    FloatingApiController(FloatingService floating) {
        this.floating = floating;
    }

    record OnDate(@SensibleDate("日期") LocalDate on) {
    }

    record Certificate(@ShortText("活动证编号") String number) {
    }

    @PostMapping("/members/{id}/outflow")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "外出登记")
    Outflow registerOutflow(DataScope scope, @PathVariable long id, @RequestBody OutflowForm form) {
        return floating.registerOutflow(scope, id, form);
    }

    @GetMapping("/orgs/{id}/outflows")
    @Operation(summary = "外出流动党员（组织及其下级）")
    List<Outflow> outflows(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "true") boolean awayOnly) {
        return floating.outflows(scope, id, awayOnly);
    }

    @PostMapping("/outflows/{id}/contact")
    @Operation(summary = "登记联系")
    Outflow contact(DataScope scope, @PathVariable long id, @RequestBody OnDate body) {
        return floating.recordContact(scope, id, body.on());
    }

    @PostMapping("/outflows/{id}/certificate")
    @Operation(summary = "登记发放流动党员活动证")
    Outflow certificate(DataScope scope, @PathVariable long id, @RequestBody Certificate body) {
        return floating.issueCertificate(scope, id, body.number());
    }

    @PostMapping("/outflows/{id}/return")
    @Operation(summary = "登记返回")
    Outflow returned(DataScope scope, @PathVariable long id, @RequestBody OnDate body) {
        return floating.registerReturn(scope, id, body.on());
    }

    @PostMapping("/orgs/{id}/inflows")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "流入登记（持活动证者在本地不能参加选举）")
    Inflow registerInflow(DataScope scope, @PathVariable long id, @RequestBody InflowForm form) {
        return floating.registerInflow(scope, id, form);
    }

    @GetMapping("/orgs/{id}/inflows")
    @Operation(summary = "流入流动党员（组织及其下级）")
    List<Inflow> inflows(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "true") boolean presentOnly) {
        return floating.inflows(scope, id, presentOnly);
    }

    @PostMapping("/inflows/{id}/left")
    @Operation(summary = "登记流入党员离开")
    Inflow inflowLeft(DataScope scope, @PathVariable long id, @RequestBody OnDate body) {
        return floating.registerInflowLeft(scope, id, body.on());
    }

    @GetMapping("/orgs/{id}/floating-reminders")
    @Operation(summary = "流动党员到期事项：久未联系、外出满6个月应转接、未发活动证")
    List<MemberReminder> reminders(DataScope scope, @PathVariable long id) {
        return floating.reminders(scope, id);
    }
}
