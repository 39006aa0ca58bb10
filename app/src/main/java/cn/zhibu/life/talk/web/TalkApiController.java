package cn.zhibu.life.talk.web;

import cn.zhibu.life.talk.Talk;
import cn.zhibu.life.talk.TalkCoverage;
import cn.zhibu.life.talk.TalkCoverageReader;
import cn.zhibu.life.talk.TalkDraft;
import cn.zhibu.life.talk.TalkPage;
import cn.zhibu.life.talk.TalkService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/life/talks")
@Tag(name = "谈心谈话", description = "支委之间、支委和党员之间、党员之间每年至少谈心谈话一次（B11）：谈话记录和本年度三类谈话的覆盖情况")
class TalkApiController {

    private final TalkService talks;
    private final TalkCoverageReader coverage;

    TalkApiController(TalkService talks, TalkCoverageReader coverage) {
        this.talks = talks;
        this.coverage = coverage;
    }

    record TalkRequest(Long orgId, Long memberId, Long otherId, @SensibleDate("谈话日期") LocalDate heldOn,
                       @ShortText("谈话主题") String topic, @NoteText("谈话情况") String note) {

        TalkDraft draft() {
            return new TalkDraft(orgId, memberId, otherId, heldOn, topic, note);
        }
    }

    @GetMapping
    @Operation(summary = "我可以查看的谈心谈话记录", description = "管理者看到所管理组织的全部记录，党员看到本人参加的；日期新的在前")
    TalkPage list(DataScope scope,
                  @Parameter(description = "党组织（管理范围内的组织，或本人所在支部），不填为全部") @RequestParam(required = false) Long orgId,
                  @Parameter(description = "年度，不填为全部") @RequestParam(required = false) Integer year,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return talks.list(scope, orgId, year, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录一次谈心谈话", description = "由党支部记录，或由谈话双方之一记录本人的谈话（memberId 可不填，即本人）。"
            + "orgId 为党支部，不填为本人所在支部；双方须为该支部党员；heldOn 不晚于今天、不早于去年1月1日")
    Talk record(DataScope scope, @RequestBody TalkRequest request) {
        return talks.record(scope, request.draft());
    }

    @GetMapping("/{id}")
    @Operation(summary = "一次谈心谈话")
    Talk get(DataScope scope, @PathVariable long id) {
        return talks.get(scope, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除记错的谈心谈话记录", description = "由党支部或记录人删除，记入审计日志")
    void delete(DataScope scope, @PathVariable long id) {
        talks.delete(scope, id);
    }

    @GetMapping("/coverage")
    @Operation(summary = "本年度谈心谈话覆盖情况", description = "党支部（须在管理范围内）某一年度三类谈话是否均已进行，以及每名党员的谈话次数。"
            + "支委指支部现任支委会中的本支部党员；未设支委会的支部只需党员之间谈话")
    TalkCoverage coverage(DataScope scope, @RequestParam long orgId,
                          @Parameter(description = "年度，不填为今年") @RequestParam(required = false) Integer year) {
        return coverage.coverage(scope, orgId, year == null ? LocalDate.now().getYear() : year);
    }
}
