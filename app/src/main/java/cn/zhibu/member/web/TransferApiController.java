package cn.zhibu.member.web;

import cn.zhibu.member.Transfer;
import cn.zhibu.member.TransferLetters;
import cn.zhibu.member.TransferPage;
import cn.zhibu.member.TransferRequest;
import cn.zhibu.member.TransferService;
import cn.zhibu.member.TransferStatus;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.TransferTarget;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1")
@Tag(name = "组织关系转接", description = "平台内转接：转出方发起，按配置经党委审批，转入组织接收后党员才转入（RULES.md R1、R4）")
class TransferApiController {

    private final TransferService transfers;
    private final OrganizationService organizations;
    private final TransferLetters letters;

    TransferApiController(TransferService transfers, OrganizationService organizations, TransferLetters letters) {
        this.letters = letters;
        this.transfers = transfers;
        this.organizations = organizations;
    }

    @PostMapping("/members/{id}/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起组织关系转接", description = "toOrgId 为转入的党支部或党小组（可用 /transfer-targets 查找）")
    Transfer start(DataScope scope, @PathVariable long id, @RequestBody TransferRequest request) {
        return transfers.start(scope, id, request);
    }

    @PostMapping("/members/{id}/transfers/outbound")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "转出到系统外的党组织", description = "经转出方党委审批（按配置）后开具介绍信，收到回执时登记，党员随之转出")
    Transfer startOutbound(DataScope scope, @PathVariable long id, @RequestBody cn.zhibu.member.OutboundRequest request) {
        return transfers.startOutbound(scope, id, request);
    }

    record InboundRequest(@Valid cn.zhibu.member.MemberForm member, @Valid cn.zhibu.member.InboundLetter letter) {
    }

    @PostMapping("/member-inbounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "从系统外转入：登记持纸质介绍信转入的党员")
    Transfer registerInbound(DataScope scope, @RequestBody InboundRequest request) {
        if (request.member() == null || request.letter() == null) {
            throw cn.zhibu.platform.InvalidInputException.of("", "请提供党员信息（member）和介绍信（letter）");
        }
        return transfers.registerInbound(scope, request.member(), request.letter());
    }

    @GetMapping("/orgs/{id}/transfer-reminders")
    @Operation(summary = "两周内到期的转出转接（R4）")
    List<cn.zhibu.member.MemberReminder> reminders(DataScope scope, @PathVariable long id) {
        return transfers.reminders(scope, id, 200);
    }

    @GetMapping("/transfers")
    @Operation(summary = "转接列表")
    TransferPage list(DataScope scope,
                      @Parameter(description = "OUTGOING 转出（默认）或 INCOMING 转入") @RequestParam(defaultValue = "OUTGOING") @ShortText("方向") String direction,
                      @RequestParam(required = false) TransferStatus status,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return transfers.list(scope, !"INCOMING".equalsIgnoreCase(direction), status, page, size);
    }

    @GetMapping("/transfers/{id}/letter.pdf")
    @Operation(summary = "组织关系介绍信（PDF）", description = "二维码指向平台对外地址（zhibu.public-url）上的公开核验页")
    ResponseEntity<byte[]> letter(DataScope scope, @PathVariable long id) {
        return TransferPageController.letter(transfers, letters, scope, id);
    }

    @GetMapping("/transfers/{id}")
    @Operation(summary = "转接详情")
    Transfer get(DataScope scope, @PathVariable long id) {
        return transfers.get(scope, id);
    }

    record Decision(@NoteText("意见") String note) {
    }

    @PostMapping("/transfers/{id}/approve")
    @Operation(summary = "同意当前环节（转入组织同意即完成接收）")
    Transfer approve(DataScope scope, @PathVariable long id, @RequestBody(required = false) Decision decision) {
        return transfers.approve(scope, id, decision == null ? null : decision.note());
    }

    @PostMapping("/transfers/{id}/refuse")
    @Operation(summary = "退回（须说明理由）")
    Transfer refuse(DataScope scope, @PathVariable long id, @RequestBody(required = false) Decision decision) {
        return transfers.refuse(scope, id, decision == null ? null : decision.note());
    }

    @PostMapping("/transfers/{id}/cancel")
    @Operation(summary = "转出方撤回")
    Transfer cancel(DataScope scope, @PathVariable long id) {
        return transfers.cancel(scope, id);
    }

    @GetMapping("/transfer-targets")
    @Operation(summary = "查找可转入的党支部、党小组（全平台，仅名称）")
    List<TransferTarget> targets(DataScope scope, @RequestParam @NameText("组织名称") String q) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("您没有办理组织关系转接的权限");
        }
        return organizations.transferTargets(q, 20);
    }
}
