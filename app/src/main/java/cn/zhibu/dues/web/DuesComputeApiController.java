package cn.zhibu.dues.web;

import cn.zhibu.dues.BaseItems;
import cn.zhibu.dues.DuesAmount;
import cn.zhibu.dues.DuesCategory;
import cn.zhibu.dues.DuesRules;
import cn.zhibu.dues.DuesSettings;
import cn.zhibu.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

@RestController
@RequestMapping("/api/v1/dues")
@Tag(name = "党费计算", description = "按《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）计算每月应交党费，不保存任何数据，无需登录")
class DuesComputeApiController {

    private final DuesSettings settings;

    DuesComputeApiController(DuesSettings settings) {
        this.settings = settings;
    }

    /** What the monthly dues come to, with the bracket, rate and article: for the forms and for anyone checking. */
    record Computed(DuesCategory category, String categoryLabel, BigDecimal base, BigDecimal ratePercent,
                    BigDecimal computed, BigDecimal amount, boolean capped, BigDecimal monthlyCap, String explanation,
                    String amountMode) {

        static Computed of(DuesAmount a, DuesSettings settings) {
            return new Computed(a.category(), a.category().label(), a.base(), a.ratePercent(), a.computed(),
                    a.amount(), a.capped(), settings.monthlyCap(), a.explanation(), settings.amountMode().label());
        }
    }

    @GetMapping("/compute")
    @Operation(summary = "计算每月应交党费",
            description = "category 为党员类别；工资收入、年薪制、个体经营、离退休须给出 base（月基数），工资收入也可给出工资单各项"
                    + "（countedPay 计入基数的工资收入，incomeTax 实际代扣个人所得税，socialInsurance 个人缴纳五险一金，annuity 个人缴纳年金）"
                    + "由系统按配置扣除后得出基数；生活困难减免（HARDSHIP）给出 amount（批准的每月金额，0 为免交）。"
                    + "比例适用于全部基数，按四舍五入精确到分；每月一般不超过配置的上限（默认1000元）。")
    Computed compute(@RequestParam DuesCategory category,
                     @Parameter(description = "月基数（元，最多两位小数）") @RequestParam(required = false) BigDecimal base,
                     @RequestParam(required = false) BigDecimal countedPay,
                     @RequestParam(required = false) BigDecimal incomeTax,
                     @RequestParam(required = false) BigDecimal socialInsurance,
                     @RequestParam(required = false) BigDecimal annuity,
                     @Parameter(description = "生活困难减免：批准的每月金额") @RequestParam(required = false) BigDecimal amount) {
        if (category == DuesCategory.HARDSHIP) {
            return Computed.of(DuesRules.relieved(amount), settings);
        }
        if (countedPay != null) {
            if (category != DuesCategory.SALARIED) {
                throw InvalidInputException.of("countedPay", "只有工资收入的党员按工资单各项计算基数");
            }
            if (base != null) {
                throw InvalidInputException.of("base", "请只给出月基数或工资单各项之一");
            }
            base = DuesRules.baseOf(new BaseItems(countedPay, incomeTax, socialInsurance, annuity), settings);
        }
        return Computed.of(DuesRules.monthly(category, base, settings), settings);
    }
}
