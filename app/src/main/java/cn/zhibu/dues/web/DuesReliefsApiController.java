package cn.zhibu.dues.web;

import cn.zhibu.dues.DuesRelief;
import cn.zhibu.dues.ReliefProposal;
import cn.zhibu.dues.ReliefService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

@RestController
@RequestMapping("/api/v1/dues/reliefs")
@Tag(name = "党费减免", description = "生活困难党员减交或免交党费（中组发〔2008〕3号 第七条）：支部委员会提出，上级党委批准；"
        + "批准后对此后生成的账单生效，可撤销")
class DuesReliefsApiController {

    private final ReliefService reliefs;

    DuesReliefsApiController(ReliefService reliefs) {
        this.reliefs = reliefs;
    }

    record ReliefProposalRequest(Long memberId, YearMonth fromMonth, YearMonth toMonth, BigDecimal amount,
                           @NoteText("减免理由") String reason, @SensibleDate("支部决定日期") LocalDate decidedOn) {
    }

    record ReliefDecisionRequest(Boolean approve, @NoteText("审批意见") String note) {
    }

    record ReliefRevokeRequest(@NoteText("撤销理由") String note) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提出党费减免", description = "由党员所在支部（其管理者）提出：fromMonth–toMonth（最长24个月），amount 为减免后每月金额"
            + "（0为免交），reason 理由，decidedOn 支部委员会决定日期。与待批准或已批准的减免重叠时拒绝")
    DuesRelief propose(DataScope scope, @RequestBody ReliefProposalRequest r) {
        if (r.memberId() == null) {
            throw InvalidInputException.of("memberId", "请指定党员");
        }
        return reliefs.propose(scope, r.memberId(),
                new ReliefProposal(r.fromMonth(), r.toMonth(), r.amount(), r.reason(), r.decidedOn()));
    }

    @GetMapping
    @Operation(summary = "党员的党费减免记录")
    List<DuesRelief> ofMember(DataScope scope, @RequestParam long memberId) {
        return reliefs.ofMember(scope, memberId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "党费减免详情")
    DuesRelief get(DataScope scope, @PathVariable long id) {
        return reliefs.get(scope, id);
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "审批党费减免", description = "由上级党委（管理该支部上级组织的书记、组织管理员）批准（approve=true）或不批准（须填 note 理由）；"
            + "提出减免的支部不能自己审批（403）")
    DuesRelief decide(DataScope scope, @PathVariable long id, @RequestBody ReliefDecisionRequest r) {
        if (r.approve() == null) {
            throw InvalidInputException.of("approve", "请选择批准或不批准");
        }
        return reliefs.decide(scope, id, r.approve(), r.note());
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "撤销党费减免", description = "撤回待批准的减免，或终止已批准的减免（此后生成的账单按全额）；须填写理由")
    DuesRelief revoke(DataScope scope, @PathVariable long id, @RequestBody ReliefRevokeRequest r) {
        return reliefs.revoke(scope, id, r.note());
    }
}
