package cn.zhibu.dues.web;

import cn.zhibu.platform.CachedRead;
import cn.zhibu.dues.ArrearsCounts;
import cn.zhibu.dues.ArrearsPage;
import cn.zhibu.dues.ArrearsRun;
import cn.zhibu.dues.BranchDues;
import cn.zhibu.dues.DuesArrears;
import cn.zhibu.dues.DuesStatements;
import cn.zhibu.dues.DuesViews;
import cn.zhibu.dues.MemberDues;
import cn.zhibu.dues.RollupDues;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Year;

@RestController
@RequestMapping("/api/v1/dues")
@Tag(name = "党费查询", description = "党员本人的党费（应交、账单、交纳记录、年度证明），支部的月度账单与收缴率，上级党委按月按下级组织汇总的"
        + "应交与实交，连续未交党费（欠缴，中组发〔2008〕3号 第十三条）的统计、名单与正当理由登记。管理者只能查看所管理的组织，"
        + "党员只能查看本人的党费，其他一律404")
class DuesViewsApiController {

    private final DuesViews views;
    private final DuesArrears arrears;
    private final DuesStatements statements;

    DuesViewsApiController(DuesViews views, DuesArrears arrears, DuesStatements statements) {
        this.views = views;
        this.arrears = arrears;
        this.statements = statements;
    }

    /** A month's justification: {@code month} as 2026-01, {@code reason} required. */
    record JustificationRequest(@ShortText("月份") String month, @NoteText("正当理由") String reason) {
    }

    @GetMapping("/mine")
    @Operation(summary = "我的党费", description = "当前应交金额、连续未交月数、近十年账单（新的在前）和交纳记录；账号未关联党员时404")
    MemberDues mine(DataScope scope) {
        return views.mine(scope);
    }

    @GetMapping("/members/{id}")
    @Operation(summary = "某党员的党费", description = "本人或其所在组织的管理者可查看")
    MemberDues member(DataScope scope, @PathVariable long id) {
        return views.member(scope, id);
    }

    @GetMapping("/members/{id}/arrears")
    @Operation(summary = "某党员连续未交党费的月数（F8）", description = "截至上月、账单未交且未登记正当理由的连续月数；3个月提醒，5个月催交，"
            + "满6个月可按第三十一条处置")
    ArrearsRun arrears(DataScope scope, @PathVariable long id) {
        return arrears.run(scope, id);
    }

    @PostMapping("/members/{id}/justifications")
    @Operation(summary = "登记某月未交党费的正当理由", description = "如住院治疗、失联查找中；仅限未交的账单，理由必填，重复登记以新理由为准；"
            + "登记后该月不计入连续未交月数。记入审计日志")
    ArrearsRun justify(DataScope scope, @PathVariable long id, @RequestBody JustificationRequest request) {
        return arrears.justify(scope, id, request.month() == null ? null : DuesViews.month(request.month()),
                request.reason());
    }

    @GetMapping(value = "/members/{id}/statement", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "年度党费交纳情况证明（PDF，带核验二维码）", description = "year 为2000–2100，默认今年")
    ResponseEntity<byte[]> statement(DataScope scope, @PathVariable long id,
                                     @RequestParam(required = false) Integer year) {
        int y = year == null ? Year.now().getValue() : year;
        return Downloads.inline("党费交纳情况证明-" + y + ".pdf", MediaType.APPLICATION_PDF, statements.pdf(scope, id, y));
    }

    @GetMapping("/branch")
    @CachedRead
    @Operation(summary = "组织某月的党费", description = "应交、实交与收缴率（含下级组织，来自汇总表），欠缴3/5/6个月以上的人数，"
            + "该月账单（至多1000条）和交纳记录（至多200条）")
    BranchDues branch(DataScope scope, @RequestParam long org,
                      @Parameter(description = "月份，如2026-01；默认本月") @RequestParam(required = false)
                      @ShortText("月份") String month) {
        return views.branch(scope, org, DuesViews.month(month));
    }

    @GetMapping(value = "/branch/export")
    @Operation(summary = "导出组织某月的党费账单（xlsx）")
    ResponseEntity<byte[]> export(DataScope scope, @RequestParam long org,
                                  @RequestParam(required = false) @ShortText("月份") String month) {
        BranchDues dues = views.branch(scope, org, DuesViews.month(month));
        return Downloads.attachment(DuesBillsExport.fileName(dues), DuesBillsExport.XLSX, DuesBillsExport.xlsx(dues));
    }

    @GetMapping("/rollup")
    @CachedRead
    @Operation(summary = "上级党委的党费汇总", description = "本组织及每个下级组织逐月的应交、实交和收缴率，全年合计、已上缴金额和"
            + "连续未交满6个月的人数，均来自汇总表；以及本年度的上缴记录（至多50条）")
    RollupDues rollup(DataScope scope, @RequestParam long org,
                      @Parameter(description = "年份，默认今年") @RequestParam(required = false) Integer year) {
        return views.rollup(scope, org, year == null ? Year.now().getValue() : year);
    }

    @GetMapping("/arrears")
    @CachedRead
    @Operation(summary = "连续未交党费的党员名单", description = "组织及其下级中连续未交至少 min 个月（默认3）的党员，月数多的在前；"
            + "按游标分页：下一页传入上一页的 next")
    ArrearsPage arrearsList(DataScope scope, @RequestParam long org,
                            @RequestParam(defaultValue = "3") int min,
                            @RequestParam(required = false) @ShortText("分页位置") String after,
                            @RequestParam(defaultValue = "50") int size) {
        return arrears.page(scope, org, min, after, size);
    }

    @GetMapping("/arrears/counts")
    @Operation(summary = "连续未交党费的人数", description = "组织及其下级中连续未交满3、5、6个月（按配置）的人数，来自汇总表")
    ArrearsCounts arrearsCounts(DataScope scope, @RequestParam long org) {
        return arrears.counts(scope, org);
    }
}
