package cn.zhibu.life.web;

import cn.zhibu.life.checkin.Attendance;
import cn.zhibu.life.checkin.AttendanceRoll;
import cn.zhibu.life.checkin.AttendanceService;
import cn.zhibu.life.checkin.CheckinPurpose;
import cn.zhibu.life.checkin.CheckinService;
import cn.zhibu.life.checkin.RollFilter;
import cn.zhibu.life.checkin.ScanResult;
import cn.zhibu.life.checkin.ScreenCode;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

@RestController
@RequestMapping("/api/v1/life/meetings/{id}")
@Tag(name = "会议签到", description = "组织生活会议的扫码签到、签退，手工签到，补课登记与出勤名单。会场屏幕上的二维码每30秒更换，"
        + "码中含会议、用途（签到/签退）与时段，并经平台密钥签名；当前时段及前一时段（扫码时恰逢更换）的码有效，即每个码可用30至60秒。"
        + "被拍照转发的码在这段时间内仍可被其他参会人员使用，这是扫码签到无法避免的；过期、伪造、其他会议的码和签到码用于签退均被拒绝")
class CheckinApiController {

    private final CheckinService checkins;
    private final AttendanceService attendance;

    CheckinApiController(CheckinService checkins, AttendanceService attendance) {
        this.checkins = checkins;
        this.attendance = attendance;
    }

    /** What a member's phone posts: the code it read from the room screen's QR (its {@code c} parameter). */
    record CheckinScanRequest(@ShortText("签到码") String code) {
    }

    /** A check-in or check-out by hand: why (required), and when (optional; now when left out). */
    record AttendanceByHandRequest(@NoteText("原因") String reason, OffsetDateTime at) {

        Instant instant() {
            return at == null ? null : at.toInstant();
        }
    }

    record AttendanceMakeupRequest(@SensibleDate("补课日期") LocalDate on, @NoteText("补课情况") String note) {
    }

    /** The current code of the room screen, for a client that draws its own QR. */
    record CheckinCodeView(long meetingId, CheckinPurpose purpose, String code, String link, Instant rotatesAt,
                           Instant opensAt, Instant closesAt, String note) {

        static CheckinCodeView of(ScreenCode s) {
            return new CheckinCodeView(s.meeting().id(), s.purpose(), s.code(), s.link(), s.rotatesAt(),
                    s.window().opensAt(), s.window().closesAt(), s.note());
        }
    }

    @PostMapping("/checkin")
    @Operation(summary = "扫码签到（本人）", description = "仅限参会人员本人（账号须关联党员档案），自会议开始前若干分钟"
            + "（zhibu.life.checkin.open-minutes-before，默认30）至会议结束。再次扫码不改变记录，返回首次签到时间（repeated 为 true）。"
            + "过期、伪造、其他会议或签退用途的码为 400（errors.code 说明原因），非参会人员为 403，会议已取消、未到或已过签到时间为 400")
    ScanResult checkIn(DataScope scope, @PathVariable long id, @RequestBody CheckinScanRequest request) {
        return checkins.scan(scope, id, CheckinPurpose.IN, request.code());
    }

    @PostMapping("/checkout")
    @Operation(summary = "扫码签退（本人）", description = "须先签到；自签到开放时起至会议结束后若干分钟"
            + "（zhibu.life.checkin.checkout-minutes-after，默认60）。签退码与签到码不通用；返回本次参会分钟数（minutesPresent）")
    ScanResult checkOut(DataScope scope, @PathVariable long id, @RequestBody CheckinScanRequest request) {
        return checkins.scan(scope, id, CheckinPurpose.OUT, request.code());
    }

    @GetMapping("/checkin-code")
    @Operation(summary = "会场屏幕当前的签到（签退）码", description = "仅限会议所属组织的管理者（书记、组织管理员）。"
            + "link 为二维码内容（平台对外地址上的签到页）；rotatesAt 起换为下一个码。会议已取消或记录已确认时为 400")
    CheckinCodeView code(DataScope scope, @PathVariable long id,
                         @Parameter(description = "IN 签到（默认），OUT 签退") @RequestParam(defaultValue = "IN")
                         CheckinPurpose purpose) {
        return CheckinCodeView.of(attendance.screenCode(scope, id, purpose));
    }

    @GetMapping("/attendance")
    @Operation(summary = "出勤名单", description = "会议所属组织的管理者看到全部参会人员及合计（应到、已签到、已签退、请假、补课）；"
            + "参会党员只看到自己的一条，不含合计；其他人为 404")
    AttendanceRoll roll(DataScope scope, @PathVariable long id,
                        @Parameter(description = "ALL 全部（默认），PRESENT 已签到，NOT_PRESENT 未签到")
                        @RequestParam(required = false) RollFilter filter,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return attendance.roll(scope, id, filter, page, size);
    }

    @PostMapping("/attendance/{memberId}/checkin")
    @Operation(summary = "手工签到", description = "由会议所属组织的管理者为参会人员签到，须填写原因；at 为到会时间（不填为现在），"
            + "须在签到时段内且不晚于现在。记入审计日志，名单上显示为手工签到及经办人、原因")
    Attendance checkInByHand(DataScope scope, @PathVariable long id, @PathVariable long memberId,
                             @RequestBody AttendanceByHandRequest request) {
        return checkins.byHand(scope, id, memberId, CheckinPurpose.IN, request.reason(), request.instant());
    }

    @PostMapping("/attendance/{memberId}/checkout")
    @Operation(summary = "手工签退", description = "为已签到的参会人员签退，须填写原因；at 为离会时间（不填为现在），不早于签到时间")
    Attendance checkOutByHand(DataScope scope, @PathVariable long id, @PathVariable long memberId,
                              @RequestBody AttendanceByHandRequest request) {
        return checkins.byHand(scope, id, memberId, CheckinPurpose.OUT, request.reason(), request.instant());
    }

    @PostMapping("/attendance/{memberId}/makeup")
    @Operation(summary = "登记补课", description = "为未出席的参会人员登记补课（日期不早于会议日期、不晚于今天，补课情况必填），"
            + "与出勤分开记录，不计为出席；再次登记即更正，均记入审计日志")
    Attendance makeup(DataScope scope, @PathVariable long id, @PathVariable long memberId,
                      @RequestBody AttendanceMakeupRequest request) {
        return attendance.recordMakeup(scope, id, memberId, request.on(), request.note());
    }
}
