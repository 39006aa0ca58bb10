package cn.zhibu.life.checkin;

import cn.zhibu.life.LifeAuditAction;
import cn.zhibu.life.AttendanceChanges;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checking in and out of a meeting: by the member's own scan of the room screen's code, or by hand by whoever
 * manages the meeting's organization, with a reason.
 * <p>
 * A scan is taken only from an invitee, logged in, with a code of this meeting and purpose that is current
 * ({@link CheckinCodes}), while the meeting is open for it ({@link CheckinWindow}) and neither cancelled nor locked.
 * The first scan stands: a second one changes nothing and answers when the first was. Each scan writes one row —
 * the member's own, by a single conditional UPDATE — and nothing that other scans also write, so a thousand members
 * arriving at once do not wait on each other, and each is counted once however often they scan.
 */
@Service
public class CheckinService {

    static final String NOT_FOUND = "会议不存在或不在您的查看范围内";
    static final int REASON_LIMIT = 500;

    private final CheckinCodes codes;
    private final AttendanceRecords records;
    private final CheckinSettings settings;
    private final ComplianceNotice compliance;
    private final AuditLog audit;
    private final AttendanceChanges attendanceChanges;

    CheckinService(CheckinCodes codes, AttendanceRecords records, CheckinSettings settings, ComplianceNotice compliance,
                   AuditLog audit, AttendanceChanges attendanceChanges) {
        this.attendanceChanges = attendanceChanges;
        this.codes = codes;
        this.records = records;
        this.settings = settings;
        this.compliance = compliance;
        this.audit = audit;
    }

    /** The calling member's scan of a code. */
    @Transactional
    public ScanResult scan(DataScope scope, long meetingId, CheckinPurpose purpose, String code) {
        Instant now = Instant.now();
        codes.check(code, meetingId, purpose, now);
        Long memberId = scope.selfMemberId();
        if (memberId == null) {
            throw new ForbiddenException("您的账号没有关联党员档案，不能扫码" + purpose.label() + "；请联系支部书记手工登记");
        }
        records.lockShared(meetingId);
        AttendanceRecords.MeetingAndInvitee found = records.meetingAndInvitee(meetingId, memberId)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        CheckinMeeting meeting = found.meeting();
        Attendance row = found.invitee();
        if (row == null) {
            throw new ForbiddenException("您不在本次会议的参会人员名单中，不能" + purpose.label() + "；如需参加，请与党组织书记联系");
        }
        refuseUnlessOpenForAttendance(meeting, purpose);
        if (done(row, purpose)) {
            return ScanResult.of(meeting, purpose, row, true);
        }
        CheckinWindow window = CheckinWindow.of(meeting, purpose, settings);
        if (window.notYetOpen(now)) {
            throw InvalidInputException.of("", purpose.label() + "尚未开始：会议 " + meeting.startsAtText() + " 开始，"
                    + CheckinTimes.time(window.opensAt()) + " 起可以" + purpose.label());
        }
        if (window.closed(now)) {
            throw InvalidInputException.of("", purpose.label() + "已于 " + CheckinTimes.time(window.closesAt())
                    + " 截止" + (purpose == CheckinPurpose.IN ? "（会议结束时）" : "") + "，如有疑问请与党组织书记联系");
        }
        if (purpose == CheckinPurpose.OUT && !row.checkedIn()) {
            throw InvalidInputException.of("", "您还没有签到，不能签退；未签到的请与党组织书记联系手工登记");
        }
        boolean changed = purpose == CheckinPurpose.IN ? records.checkIn(meetingId, memberId, now, null, null)
                : records.checkOut(meetingId, memberId, now, null, null);
        if (!changed) { // the same member's other scan came first
            return ScanResult.of(meeting, purpose, records.attendance(meetingId, memberId).orElseThrow(), true);
        }
        Attendance after = purpose == CheckinPurpose.IN ? row.scannedIn(now) : row.scannedOut(now);
        if (purpose == CheckinPurpose.IN) {
            compliance.checkedInAfterRecord(meeting);
        }
        attendedAfterRecord(meeting, memberId);
        audit.record(scope, purpose == CheckinPurpose.IN ? LifeAuditAction.CHECKED_IN : LifeAuditAction.CHECKED_OUT,
                CheckinAuditVocabulary.SUBJECT, after.entityId(), meeting.orgPath(), null, snapshot(meeting, after));
        return ScanResult.of(meeting, purpose, after, false);
    }

    /** What a check-in (or out) by hand will record, once its input has passed every check. */
    public record ByHand(CheckinMeeting meeting, Attendance before, CheckinPurpose purpose, Instant at, String reason) {

        public String atText() {
            return CheckinTimes.dateTime(at);
        }
    }

    /**
     * Checks a check-in (or out) by hand without recording it, for the page that asks to confirm it: the same refusals
     * as {@link #byHand}, nothing written.
     */
    @Transactional(readOnly = true)
    public ByHand previewByHand(DataScope scope, long meetingId, long memberId, CheckinPurpose purpose, String reason,
                                Instant at) {
        return prepare(scope, meetingId, memberId, purpose, reason, at);
    }

    /**
     * Checks a member in (or out) by hand, at {@code at} (null: now), with the reason: for the manager of the
     * meeting's organization, within the same window as a scan (the time given, not the time it is entered, so the
     * secretary may enter the roll after the meeting). Shown as 手工签到 with who and why.
     */
    @Transactional
    public Attendance byHand(DataScope scope, long meetingId, long memberId, CheckinPurpose purpose, String reason,
                             Instant at) {
        ByHand hand = prepare(scope, meetingId, memberId, purpose, reason, at);
        boolean changed = purpose == CheckinPurpose.IN
                ? records.checkIn(meetingId, memberId, hand.at(), scope.actorName(), hand.reason())
                : records.checkOut(meetingId, memberId, hand.at(), scope.actorName(), hand.reason());
        if (!changed) {
            throw InvalidInputException.of("", "该党员刚刚已经" + purpose.label() + "，请刷新后查看");
        }
        if (purpose == CheckinPurpose.IN) {
            compliance.checkedInAfterRecord(hand.meeting());
        }
        attendedAfterRecord(hand.meeting(), memberId);
        Attendance after = records.attendance(meetingId, memberId).orElseThrow();
        audit.record(scope, purpose == CheckinPurpose.IN ? LifeAuditAction.CHECKED_IN_BY_HAND
                        : LifeAuditAction.CHECKED_OUT_BY_HAND, CheckinAuditVocabulary.SUBJECT, after.entityId(),
                hand.meeting().orgPath(), snapshot(hand.meeting(), hand.before()), snapshot(hand.meeting(), after));
        return after;
    }

    /**
     * A check-in or check-out after the meeting was recorded changes the 学时 it credits; before that the record's
     * saving tells of everyone (a meeting not yet held credits nothing, so the live check-in path reads nothing more).
     */
    private void attendedAfterRecord(CheckinMeeting meeting, long memberId) {
        if (meeting.status().held()) {
            attendanceChanges.member(meeting.id(), memberId);
        }
    }

    private ByHand prepare(DataScope scope, long meetingId, long memberId, CheckinPurpose purpose, String reason,
                           Instant at) {
        CheckinMeeting meeting = managed(scope, meetingId);
        records.lockShared(meetingId);
        Attendance row = records.attendance(meetingId, memberId)
                .orElseThrow(() -> new NotFoundException("该党员不在本次会议的参会人员名单中"));
        refuseUnlessOpenForAttendance(meeting, purpose);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant when = at == null ? now : at.truncatedTo(ChronoUnit.SECONDS);
        FieldErrors errors = new FieldErrors();
        String why = reason(errors, reason);
        checkTime(errors, meeting, purpose, row, when, at == null, now);
        errors.throwIfAny();
        return new ByHand(meeting, row, purpose, when, why);
    }

    private void checkTime(FieldErrors errors, CheckinMeeting meeting, CheckinPurpose purpose, Attendance row,
                           Instant when, boolean now, Instant current) {
        String label = purpose.label();
        if (purpose == CheckinPurpose.IN && row.checkedIn()) {
            errors.reject("", "该党员已于 " + row.checkedInText() + (row.checkedInByHand() ? " 手工签到" : " 签到") + "，无需再签到");
            return;
        }
        if (purpose == CheckinPurpose.OUT && row.checkedOut()) {
            errors.reject("", "该党员已于 " + row.checkedOutText() + " 签退，无需再签退");
            return;
        }
        if (purpose == CheckinPurpose.OUT && !row.checkedIn()) {
            errors.reject("", "该党员还没有签到，请先为其签到");
            return;
        }
        CheckinWindow window = CheckinWindow.of(meeting, purpose, settings);
        String range = CheckinTimes.dateTime(window.opensAt()) + " 至 " + CheckinTimes.dateTime(window.closesAt());
        if (when.isAfter(current)) {
            errors.reject("at", label + "时间不能晚于现在");
        } else if (window.notYetOpen(when)) {
            errors.reject("at", now ? label + "尚未开始（" + CheckinTimes.time(window.opensAt()) + " 起）"
                    : label + "时间应在 " + range + " 之间");
        } else if (window.closed(when)) {
            errors.reject("at", now ? "会议已结束，请填写实际" + label + "时间（" + range + " 之间）"
                    : label + "时间应在 " + range + " 之间");
        } else if (purpose == CheckinPurpose.OUT && when.isBefore(row.checkedInAt())) {
            errors.reject("at", "签退时间不能早于签到时间 " + row.checkedInText());
        }
    }

    /** The meeting, when the caller manages its organization; else 404, as if it did not exist. */
    CheckinMeeting managed(DataScope scope, long meetingId) {
        return records.meeting(meetingId).filter(m -> scope.managesMembersAt(m.orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private static void refuseUnlessOpenForAttendance(CheckinMeeting meeting, CheckinPurpose purpose) {
        if (meeting.status() == MeetingStatus.CANCELLED) {
            throw InvalidInputException.of("", "本次会议已取消，无需" + purpose.label());
        }
        if (meeting.status() == MeetingStatus.CONFIRMED) {
            throw InvalidInputException.of("", "本次会议的记录已确认，出勤已不能更改；如有出入，请通过更正记录办理");
        }
    }

    private static boolean done(Attendance row, CheckinPurpose purpose) {
        return purpose == CheckinPurpose.IN ? row.checkedIn() : row.checkedOut();
    }

    static String reason(FieldErrors errors, String reason) {
        if (reason == null || reason.isBlank()) {
            errors.reject("reason", "请填写原因");
            return null;
        }
        String stripped = reason.strip();
        if (stripped.codePointCount(0, stripped.length()) > REASON_LIMIT) {
            errors.reject("reason", "原因不能超过" + REASON_LIMIT + "字");
        }
        return stripped;
    }

    static Map<String, Object> snapshot(CheckinMeeting meeting, Attendance a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("meetingId", meeting.id());
        s.put("meetingTitle", meeting.title());
        s.put("memberId", a.memberId());
        s.put("memberName", a.memberName());
        s.put("checkedInAt", CheckinTimes.precise(a.checkedInAt()));
        s.put("checkedInBy", a.checkedInBy());
        s.put("checkedInReason", a.checkedInReason());
        s.put("checkedOutAt", CheckinTimes.precise(a.checkedOutAt()));
        s.put("checkedOutBy", a.checkedOutBy());
        s.put("checkedOutReason", a.checkedOutReason());
        s.put("makeupOn", a.makeupOn() == null ? null : a.makeupOn().toString());
        s.put("makeupNote", a.makeupNote());
        s.put("makeupBy", a.makeupBy());
        s.values().removeIf(java.util.Objects::isNull);
        return s;
    }
}
