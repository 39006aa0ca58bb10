package cn.zhibu.member.web;

import cn.zhibu.platform.CachedRead;
import cn.zhibu.member.AgeBand;
import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberPage;
import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "党员", description = "党员名册；均限于调用者的数据范围，身份证号和手机号按角色脱敏")
class MemberApiController {

    private final MemberService members;

    MemberApiController(MemberService members) {
        this.members = members;
    }

    @GetMapping
    @CachedRead
    @Operation(summary = "查询党员", description = "q 可为姓名、拼音首字母（如 zs 查张三）、全拼前缀或18位身份证号")
    MemberPage search(DataScope scope,
                      @Parameter(description = "组织 id：只查该组织及其下级") @RequestParam(required = false) Long orgId,
                      @RequestParam(required = false) @ShortText("查询内容") String q,
                      @RequestParam(required = false) MemberStatus status,
                      @RequestParam(required = false) Gender gender,
                      @RequestParam(required = false) @NameText("民族") String ethnicity,
                      @RequestParam(required = false) Education education,
                      @RequestParam(required = false) Occupation occupation,
                      @RequestParam(required = false) AgeBand ageBand,
                      @Parameter(description = "页码（从0起，浅层翻页用）") @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "20") int size,
                      @Parameter(description = "上一页返回的 nextCursor：按键集翻页，任意深度耗时相同")
                      @RequestParam(required = false) @ShortText("翻页位置") String cursor) {
        return members.search(scope, new MemberSearch(orgId, q, status, gender, ethnicity, education, occupation,
                ageBand, page, size, cursor));
    }

    @GetMapping("/{id}")
    @Operation(summary = "党员详情")
    Member get(DataScope scope, @PathVariable long id) {
        return members.open(scope, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "录入党员")
    Member create(DataScope scope, @RequestBody MemberForm form) {
        return members.create(scope, form);
    }

    record MemberUpdate(int version, @Valid MemberForm member) {
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改党员信息（需带上读取时的 version）")
    Member update(DataScope scope, @PathVariable long id, @RequestBody MemberUpdate request) {
        if (request.member() == null) {
            throw cn.zhibu.platform.InvalidInputException.of("member", "缺少党员信息");
        }
        return members.update(scope, id, request.version(), request.member());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除录入错误的党员记录")
    void delete(DataScope scope, @PathVariable long id) {
        members.delete(scope, id);
    }
}
