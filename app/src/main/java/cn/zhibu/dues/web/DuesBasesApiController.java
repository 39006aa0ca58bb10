package cn.zhibu.dues.web;

import cn.zhibu.dues.BaseEntry;
import cn.zhibu.dues.DuesBase;
import cn.zhibu.dues.DuesBases;
import cn.zhibu.dues.DuesCategory;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.input.NoteText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

@RestController
@RequestMapping("/api/v1/dues/bases")
@Tag(name = "党费基数", description = "核定党员的党费基数（中组发〔2008〕3号 第一至六条、第十条）：按规定计算每月应交金额并保存；"
        + "更正为新增一条记录，历史不可修改。仅党组织书记、组织管理员可对其管理范围内的党员操作，范围外的党员按不存在处理")
class DuesBasesApiController {

    private final DuesBases bases;

    DuesBasesApiController(DuesBases bases) {
        this.bases = bases;
    }

    /** A base as a client posts it. */
    record DuesBaseRequest(Long memberId, DuesCategory category, YearMonth effectiveMonth, BigDecimal countedPay,
                       BigDecimal incomeTax, BigDecimal socialInsurance, BigDecimal annuity, BigDecimal base,
                       BigDecimal chosen, @NoteText("备注") String note) {

        BaseEntry entry() {
            return new BaseEntry(category, effectiveMonth, countedPay, incomeTax, socialInsurance, annuity, base, chosen,
                    note);
        }
    }

    @GetMapping
    @Operation(summary = "党员的党费基数记录", description = "新的在前（按起始月份，同一月份以后录入的为更正）")
    List<DuesBase> history(DataScope scope, @Parameter(description = "党员编号") @RequestParam long memberId) {
        return bases.history(scope, memberId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "核定党费基数", description = "category 党员类别；effectiveMonth 起始月份（如2026-01）；工资收入可填工资单各项"
            + "（countedPay 计入基数的工资收入，incomeTax 实际代扣个人所得税，socialInsurance 个人缴纳五险一金，annuity 个人缴纳年金），"
            + "或直接填 base 月基数；年薪制、个体经营、离退休填 base；农民、学生、下岗失业按固定金额，不填基数。"
            + "chosen 为本人自愿每月多交的金额（不低于按规定计算的金额）。生活困难党员请提出减免（/api/v1/dues/reliefs）。"
            + "年初核定（默认）时，年内新核定的基数自次年1月起适用（新党员自其起交月份起适用；年薪制、个体经营自起始月份起适用）")
    DuesBase record(DataScope scope, @RequestBody DuesBaseRequest request) {
        if (request.memberId() == null) {
            throw InvalidInputException.of("memberId", "请指定党员");
        }
        return bases.record(scope, request.memberId(), request.entry(), "API");
    }

    @GetMapping("/applicable")
    @Operation(summary = "某月适用的党费基数", description = "按配置的核定方式（年初核定或按月）和党员的起交月份，该月账单所依据的基数记录；没有则404")
    DuesBase applicable(DataScope scope, @RequestParam long memberId,
                        @Parameter(description = "月份，如2026-03") @RequestParam YearMonth month) {
        return bases.applicable(scope, memberId, month)
                .orElseThrow(() -> new NotFoundException("该党员在" + month + "没有适用的党费基数"));
    }
}
