package cn.zhibu.life.checkin;

import cn.zhibu.life.LifeAuditAction;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.PublicAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The roll of a meeting, the room screen's codes and counts, and 补课 — a make-up session recorded for an invitee who
 * did not attend, kept apart from attendance (it never makes them present). Only those who manage the meeting's
 * organization see the roll, the codes and the counts and record 补课; an invitee sees their own entry.
 */
@Service
@Transactional(readOnly = true)
public class AttendanceService {

    static final int NOTE_LIMIT = 500;

    private final AttendanceRecords records;
    private final CheckinService checkins;
    private final CheckinCodes codes;
    private final CheckinSettings settings;
    private final PublicAddress publicAddress;
    private final AuditLog audit;

    AttendanceService(AttendanceRecords records, CheckinService checkins, CheckinCodes codes, CheckinSettings settings,
                      PublicAddress publicAddress, AuditLog audit) {
        this.records = records;
        this.checkins = checkins;
        this.codes = codes;
        this.settings = settings;
        this.publicAddress = publicAddress;
        this.audit = audit;
    }

    public CheckinSettings settings() {
        return settings;
    }

    /** A page of the roll: all of it for a manager, the caller's own entry for an invitee; else 404. */
    public AttendanceRoll roll(DataScope scope, long meetingId, RollFilter filter, int page, int size) {
        Paging paging = Paging.of(page, size);
        RollFilter f = filter == null ? RollFilter.ALL : filter;
        CheckinMeeting meeting = records.meeting(meetingId).orElseThrow(() -> new NotFoundException(CheckinService.NOT_FOUND));
        if (scope.managesMembersAt(meeting.orgPath())) {
            return new AttendanceRoll(meeting, true, records.totals(meetingId),
                    records.roll(meetingId, f, paging.size(), paging.offset()), f, records.count(meetingId, f),
                    paging.page(), paging.size());
        }
        Attendance own = scope.selfMemberId() == null ? null
                : records.attendance(meetingId, scope.selfMemberId()).orElse(null);
        if (own == null) {
            throw new NotFoundException(CheckinService.NOT_FOUND);
        }
        return new AttendanceRoll(meeting, false, null, List.of(own), RollFilter.ALL, 1, 0, paging.size());
    }

    /** One invitee's entry, for the manager of the meeting's organization. */
    public Attendance entry(DataScope scope, long meetingId, long memberId) {
        checkins.managed(scope, meetingId);
        return records.attendance(meetingId, memberId)
                .orElseThrow(() -> new NotFoundException("该党员不在本次会议的参会人员名单中"));
    }

    public CheckinMeeting meeting(DataScope scope, long meetingId) {
        return checkins.managed(scope, meetingId);
    }

    /** The live count of the room screen: 已签到 n / 应到 m. */
    public CheckinTotals totals(DataScope scope, long meetingId) {
        checkins.managed(scope, meetingId);
        return records.totals(meetingId);
    }

    /**
     * The code the room screen shows now, for the manager of the meeting's organization. Refused for a cancelled
     * meeting or a locked record; outside the window it is still shown, with a note (scans are refused then).
     */
    public ScreenCode screenCode(DataScope scope, long meetingId, CheckinPurpose purpose) {
        CheckinMeeting meeting = checkins.managed(scope, meetingId);
        if (meeting.status() == MeetingStatus.CANCELLED) {
            throw InvalidInputException.of("", "本次会议已取消，不再签到");
        }
        if (meeting.status() == MeetingStatus.CONFIRMED) {
            throw InvalidInputException.of("", "本次会议的记录已确认，签到已结束");
        }
        Instant now = Instant.now();
        CheckinCodes.Issued issued = codes.current(meetingId, purpose, now);
        CheckinWindow window = CheckinWindow.of(meeting, purpose, settings);
        String note = null;
        if (window.notYetOpen(now)) {
            note = purpose.label() + "将于 " + CheckinTimes.dateTime(window.opensAt()) + " 开始";
        } else if (window.closed(now)) {
            note = purpose.label() + "已于 " + CheckinTimes.dateTime(window.closesAt()) + " 截止";
        }
        String link = publicAddress.base() + "/life/meetings/" + meetingId + "/" + purpose.path() + "?c=" + issued.code();
        return new ScreenCode(meeting, purpose, issued.code(), link, issued.rotatesAt(), window, note);
    }

    /**
     * Records (or corrects) 补课 for an invitee who did not attend: the day of the make-up (from the meeting's day to
     * today) and what was done. Never counts as attendance.
     */
    @Transactional
    public Attendance recordMakeup(DataScope scope, long meetingId, long memberId, LocalDate on, String note) {
        CheckinMeeting meeting = checkins.managed(scope, meetingId);
        Attendance row = records.attendance(meetingId, memberId)
                .orElseThrow(() -> new NotFoundException("该党员不在本次会议的参会人员名单中"));
        if (meeting.status() == MeetingStatus.CANCELLED) {
            throw InvalidInputException.of("", "本次会议已取消，无需补课");
        }
        if (Instant.now().isBefore(meeting.startsAt())) {
            throw InvalidInputException.of("", "会议尚未召开，会后才能登记补课");
        }
        if (row.checkedIn()) {
            throw InvalidInputException.of("", "该党员已出席本次会议（" + row.checkedInText() + " 签到），无需补课");
        }
        LocalDate today = LocalDate.now(CheckinTimes.zone());
        FieldErrors errors = new FieldErrors();
        if (on == null) {
            errors.reject("on", "请填写补课日期");
        } else if (on.isBefore(meeting.heldOn())) {
            errors.reject("on", "补课日期不能早于会议日期 " + meeting.heldOn());
        } else if (on.isAfter(today)) {
            errors.reject("on", "补课日期不能晚于今天（" + today + "）");
        }
        String text = note(errors, note);
        errors.throwIfAny();
        if (!records.makeup(meetingId, memberId, on, text, scope.actorName())) {
            throw InvalidInputException.of("", "该党员刚刚已签到，无需补课");
        }
        Attendance after = records.attendance(meetingId, memberId).orElseThrow();
        audit.record(scope, LifeAuditAction.MAKEUP_RECORDED, CheckinAuditVocabulary.SUBJECT, after.entityId(),
                meeting.orgPath(), row.madeUp() ? CheckinService.snapshot(meeting, row) : null,
                CheckinService.snapshot(meeting, after));
        return after;
    }

    /**
     * For the saving of a meeting's record (and any other count of attendance that must not miss a check-in): takes
     * the meeting's attendance lock alone and counts. Call it inside that transaction before changing the meeting's
     * status, and a check-in running meanwhile either is counted here or, committing after, finds the meeting
     * recorded and tells the {@link cn.zhibu.life.MeetingChangeListener}s itself.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CheckinTotals lockAndCount(long meetingId) {
        records.lockExclusive(meetingId);
        return records.totals(meetingId);
    }

    private static String note(FieldErrors errors, String note) {
        if (note == null || note.isBlank()) {
            errors.reject("note", "请填写补课情况（如补学的内容、方式）");
            return null;
        }
        String stripped = note.strip();
        if (stripped.codePointCount(0, stripped.length()) > NOTE_LIMIT) {
            errors.reject("note", "补课情况不能超过" + NOTE_LIMIT + "字");
        }
        return stripped;
    }
}
