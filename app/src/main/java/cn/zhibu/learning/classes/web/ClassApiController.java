package cn.zhibu.learning.classes.web;

import cn.zhibu.learning.classes.ClassCheck;
import cn.zhibu.learning.classes.ClassDraft;
import cn.zhibu.learning.classes.ClassPage;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.Enrolment;
import cn.zhibu.learning.classes.SessionAttendance;
import cn.zhibu.learning.classes.SessionDraft;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@RestController
@RequestMapping("/api/v1/learning/classes")
@Tag(name = "培训班", description = "线下培训班：开班、课次、报名、签到签退（扫码或手工登记）；缺课不超过总学时的七分之一（可配置）为结业，"
        + "学时计入学习档案（结业计全部学时并记一次集中培训，未结业按实际出勤学时）")
class ClassApiController {

    private final ClassService classes;

    ClassApiController(ClassService classes) {
        this.classes = classes;
    }

    record ClassForm(Long orgId, @ShortText("名称") String title, @ShortText("地点") String place,
                     @SensibleDate("开班日期") LocalDate startsOn, @SensibleDate("结业日期") LocalDate endsOn,
                     Boolean concentrated) {

        ClassDraft draft() {
            return new ClassDraft(orgId == null ? 0 : orgId, title, place, startsOn, endsOn,
                    !Boolean.FALSE.equals(concentrated));
        }
    }

    record ClassSessionForm(@ShortText("课次名称") String title, LocalDateTime startsAt, LocalDateTime endsAt,
                            BigDecimal hours, Long meetingId) {
    }

    record ClassEnrolForm(List<Long> memberIds) {
    }

    record ClassScanForm(ClassCheck purpose, @ShortText("签到码") String code) {
    }

    record ClassAttendanceForm(Long memberId, LocalDateTime checkedInAt, LocalDateTime checkedOutAt,
                               @NoteText("原因") String reason) {
    }

    record ClassDetail(TrainingClass trainingClass, List<ClassSession> sessions) {
    }

    @GetMapping
    @Operation(summary = "我管理的培训班", description = "所管理党组织及其下级举办的培训班，新的在前")
    ClassPage list(DataScope scope, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "20") int size) {
        return classes.list(scope, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开设培训班", description = "orgId 为举办的党组织（须在管理范围内）；concentrated 默认 true（集中培训）")
    TrainingClass open(DataScope scope, @RequestBody ClassForm form) {
        return classes.open(scope, form.draft());
    }

    @GetMapping("/mine")
    @Operation(summary = "我的培训班", description = "本人报名的培训班及出勤学时、是否结业")
    List<ClassService.MyClass> mine(DataScope scope) {
        return classes.mine(scope);
    }

    @GetMapping("/mine/{id}")
    @Operation(summary = "我在某培训班的出勤", description = "本人每个课次的签到、签退和计入学时")
    ClassService.MyClassDetail myClass(DataScope scope, @PathVariable long id) {
        return classes.myClass(scope, id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "培训班详情与课次")
    ClassDetail get(DataScope scope, @PathVariable long id) {
        return new ClassDetail(classes.get(scope, id), classes.sessions(scope, id));
    }

    @PostMapping("/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "增加课次", description = "startsAt、endsAt 为北京时间；hours 不填按折算（一天8学时、半天4学时、1小时1学时）；"
            + "meetingId 为以组织生活会议形式举行的课次（时间取会议的，签到读取会议签到）")
    ClassSession addSession(DataScope scope, @PathVariable long id, @RequestBody ClassSessionForm form) {
        return classes.addSession(scope, id, new SessionDraft(form.title(), form.startsAt(), form.endsAt(),
                form.hours(), form.meetingId()));
    }

    @GetMapping("/{id}/enrolments")
    @Operation(summary = "学员名单及出勤学时、是否结业")
    List<Enrolment> enrolments(DataScope scope, @PathVariable long id) {
        return classes.enrolments(scope, id);
    }

    @PostMapping("/{id}/enrolments")
    @Operation(summary = "报名", description = "memberIds 须为举办党组织及其下级的党员；已报名的不重复")
    List<Enrolment> enrol(DataScope scope, @PathVariable long id, @RequestBody ClassEnrolForm form) {
        return classes.enrol(scope, id, form.memberIds());
    }

    @DeleteMapping("/{id}/enrolments/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "移除学员", description = "只能移除尚无出勤记录的学员")
    void unenrol(DataScope scope, @PathVariable long id, @PathVariable long memberId) {
        classes.unenrol(scope, id, memberId);
    }

    @GetMapping("/sessions/{sessionId}/attendance")
    @Operation(summary = "课次签到表")
    ClassService.ClassSheet sheet(DataScope scope, @PathVariable long sessionId) {
        return classes.sheet(scope, sessionId);
    }

    @GetMapping("/sessions/{sessionId}/code")
    @Operation(summary = "现场二维码的当前签到码", description = "每30秒更换；purpose 为 IN（签到）或 OUT（签退）")
    ClassService.ClassScreenCode code(DataScope scope, @PathVariable long sessionId,
                                 @RequestParam(defaultValue = "IN") ClassCheck purpose) {
        return classes.screenCode(scope, sessionId, purpose);
    }

    @PostMapping("/sessions/{sessionId}/scan")
    @Operation(summary = "扫码签到或签退", description = "本人扫描现场二维码；只在课次的签到时段内、且为本班学员时有效")
    SessionAttendance scan(DataScope scope, @PathVariable long sessionId, @RequestBody ClassScanForm form) {
        return classes.scan(scope, sessionId, form.purpose() == null ? ClassCheck.IN : form.purpose(), form.code());
    }

    @PostMapping("/sessions/{sessionId}/attendance")
    @Operation(summary = "手工登记或更正出勤", description = "组织者填写签到、签退时间（北京时间，不填为清除）和原因；学时随之重新计算")
    SessionAttendance byHand(DataScope scope, @PathVariable long sessionId, @RequestBody ClassAttendanceForm form) {
        if (form.memberId() == null) {
            throw cn.zhibu.platform.InvalidInputException.of("memberId", "请选择党员");
        }
        return classes.byHand(scope, sessionId, form.memberId(), form.checkedInAt(), form.checkedOutAt(), form.reason());
    }

    @PostMapping("/sessions/{sessionId}/import-meeting")
    @Operation(summary = "导入组织生活会议签到", description = "以会议形式举行的课次，读取会议的签到、签退时间")
    int importMeeting(DataScope scope, @PathVariable long sessionId) {
        return classes.importMeetingAttendance(scope, sessionId);
    }
}
