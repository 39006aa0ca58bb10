package cn.zhibu.learning.hours.web;

import cn.zhibu.learning.hours.CreditLine;
import cn.zhibu.learning.hours.ExternalTrainingForm;
import cn.zhibu.learning.hours.ExternalTrainings;
import cn.zhibu.learning.hours.HoursYear;
import cn.zhibu.learning.hours.MemberHours;
import cn.zhibu.learning.hours.Transcripts;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@Tag(name = "学时", description = "党员年度学时（网上课程、培训班、党课、组织生活、其他培训）与年度要求（T1 32学时；书记和班子成员 T2 "
        + "56学时并至少1次集中培训，年内职务变化按配置的规则折算），书记登记的其他培训，年度学时证明（PDF/A，二维码可公开核验）")
class HoursApiController {

    private final MemberHours hours;
    private final ExternalTrainings external;
    private final Transcripts transcripts;
    private final Clock clock;

    HoursApiController(MemberHours hours, ExternalTrainings external, Transcripts transcripts, Clock clock) {
        this.hours = hours;
        this.external = external;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    @GetMapping("/api/v1/learning/hours")
    @Operation(summary = "年度学时", description = "不填 memberId 为本人；书记、组织管理员可查看所管理范围内党员的学时，其他党员的返回404。"
            + "含分类学时、每条学时记录、年度要求及其依据、是否达到要求或尚差的学时")
    HoursYear year(DataScope scope,
                   @Parameter(description = "年度，不填为今年") @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) Long memberId) {
        return hours.year(scope, memberId, year == null ? LocalDate.now(clock).getYear() : year);
    }

    @PostMapping("/api/v1/learning/hours/external")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记其他培训学时", description = "书记、组织管理员为所管理范围内的党员登记平台外的培训（凭证书）："
            + "培训名称、日期（不晚于今天）、学时（0–200，一位小数）、地点，是否集中培训，证书编号和备注可不填；记入审计")
    CreditLine recordExternal(DataScope scope, @RequestBody ExternalTrainingForm form) {
        return external.record(scope, form);
    }

    @GetMapping(value = "/api/v1/learning/transcript/{year}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "年度学时证明（PDF）", description = "不填 memberId 为本人；每次出具一份新证明，二维码指向 /verify/transcripts/"
            + "的公开核验（真实、被改动或未知）")
    ResponseEntity<byte[]> transcript(DataScope scope, @PathVariable int year,
                                      @RequestParam(required = false) Long memberId) {
        return Downloads.inline("学时证明-" + year + ".pdf", MediaType.APPLICATION_PDF,
                transcripts.issue(scope, memberId, year).pdf());
    }
}
