package cn.zhibu.life.web;

import cn.zhibu.life.MeetingRecord;
import cn.zhibu.life.RecordService;
import cn.zhibu.life.RecordAmendment;
import cn.zhibu.life.RecordAmendments;
import cn.zhibu.life.RecordCorrection;
import cn.zhibu.life.RecordFile;
import cn.zhibu.life.RecordFiles;
import cn.zhibu.life.RecordForm;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NoteText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;

@RestController
@RequestMapping("/api/v1/life/meetings/{id}/record")
@Tag(name = "会议记录", description = "会议召开后记录会议（会议记录、决议、主持人和记录人、出席情况、附件和照片），书记确认后锁定，"
        + "此后只能更正（保留原记录和理由）。支部党员大会（B6）和支委会（B7）按出席名单计算法定人数。"
        + "党员可查阅被邀请参加的会议已确认的记录，上级党组织可查阅下级的记录")
class RecordApiController {

    private final RecordService records;
    private final RecordAmendments amendments;
    private final RecordFiles files;

    RecordApiController(RecordService records, RecordAmendments amendments, RecordFiles files) {
        this.records = records;
        this.amendments = amendments;
        this.files = files;
    }

    @GetMapping
    @Operation(summary = "会议记录", description = "会议、会议记录（minutes 为 null 表示尚未记录）、出席名单和人数、法定人数"
            + "（quorum.applies 为 true 时适用：有表决权的党员实到须超过半数，2 × 实到 > 应到）、附件、更正次数")
    MeetingRecord get(DataScope scope, @PathVariable long id) {
        return records.read(scope, id);
    }

    @PutMapping
    @Operation(summary = "保存会议记录", description = "会议开始后才能记录；首次保存时会议由“已安排”变为“已召开”。"
            + "召开后" + "7天（zhibu.life.record.on-time-days）内为按时记录，此后至90天（late-window-days）内为补录，须填写 "
            + "lateReason，超过期限不能记录。minutes 为 HTML，只保留段落、列表、粗体斜体、标题、表格和链接，其余（脚本、事件、"
            + "样式、javascript: 链接等）一律删除。presentMemberIds 为未扫码签到而实际出席的参会党员（不填则出席情况不变）。"
            + "记录确认后不能再保存，请更正")
    MeetingRecord save(DataScope scope, @PathVariable long id, @RequestBody RecordForm form) {
        return records.save(scope, id, form);
    }

    @PostMapping("/confirm")
    @Operation(summary = "确认会议记录", description = "由书记（或上级组织管理员）确认，确认后锁定，不能撤销；此后的修改须更正")
    MeetingRecord confirm(DataScope scope, @PathVariable long id) {
        return records.confirm(scope, id);
    }

    @PostMapping("/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "更正已确认的会议记录", description = "可更正召开日期（heldOn，会议时间随之移动，须在记录之日的补录期限内）、"
            + "会议类型、会议记录、决议、主持人、记录人和出席人员；不填的项保持原样；须填写更正理由 reason。"
            + "每次更正保留各项原值和更正后的值")
    RecordCorrection amend(DataScope scope, @PathVariable long id, @RequestBody RecordAmendment amendment) {
        return amendments.amend(scope, id, amendment);
    }

    @GetMapping("/amendments")
    @Operation(summary = "更正记录", description = "每次更正的各项原值和更正后的值、理由、更正人和时间，按时间先后；"
            + "某一项第一次更正前的值即原记录")
    List<RecordCorrection> amendments(DataScope scope, @PathVariable long id) {
        return amendments.of(scope, id);
    }

    @PostMapping(value = "/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传附件或照片", description = "PDF、JPG、PNG、Word（.docx）、Excel（.xlsx），按文件内容识别，"
            + "内容与扩展名不符的拒绝；每个不超过10 MB（zhibu.life.record.max-file-bytes），每次会议最多30个。须先保存会议记录；"
            + "记录确认后补充附件须填写理由 reason（作为更正保留）")
    RecordFile attach(DataScope scope, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) @NoteText("理由") String reason) throws IOException {
        return files.attach(scope, id, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), reason);
    }

    @GetMapping("/files")
    @Operation(summary = "附件清单")
    List<RecordFile> files(DataScope scope, @PathVariable long id) {
        return files.list(scope, id);
    }

    @GetMapping("/files/{fileId}")
    @Operation(summary = "下载附件")
    ResponseEntity<byte[]> download(DataScope scope, @PathVariable long id, @PathVariable long fileId) {
        return FileResponses.of(files.read(scope, id, fileId));
    }

    @DeleteMapping("/files/{fileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除附件", description = "仅在会议记录确认之前")
    void remove(DataScope scope, @PathVariable long id, @PathVariable long fileId) {
        files.remove(scope, id, fileId);
    }
}
