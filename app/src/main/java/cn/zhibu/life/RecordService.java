package cn.zhibu.life;

import cn.zhibu.life.internal.MeetingRow;
import cn.zhibu.life.internal.MeetingRows;
import cn.zhibu.life.internal.RecordAccess;
import cn.zhibu.life.internal.RecordInput;
import cn.zhibu.life.internal.RecordRows;
import cn.zhibu.life.internal.RecordViews;
import cn.zhibu.life.internal.RollMarks;
import cn.zhibu.life.internal.RollRows;
import cn.zhibu.life.checkin.AttendanceService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.TreePath;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The record of a meeting (会议记录): saved once the meeting has started (PLANNED → HELD, on time or as 补录 by
 * {@link LateRecording}), edited freely until the secretary confirms it (HELD → CONFIRMED), locked after that —
 * changes are then corrections ({@link RecordAmendments}). Every save and the confirmation are audited and tell
 * compliance ({@link MeetingChangeListener}) in the same transaction. Readers: see {@code RecordAccess}.
 */
@Service
@Transactional(readOnly = true)
public class RecordService {

    /** The audit log's entity type of a record (its id is the meeting's). */
    public static final String ENTITY = "life_record";
    static final String LOCKED = "会议记录已确认，不能再修改；如有差错，请办理更正（原记录和更正理由都会保留）";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AttendanceService attendance;
    private final RecordAccess access;
    private final MeetingRows meetings;
    private final RecordRows records;
    private final RollRows roll;
    private final RollMarks marks;
    private final RecordViews views;
    private final MeetingChanges changes;
    private final AttendanceChanges attendanceChanges;
    private final LateRecording lateRecording;
    private final AuditLog audit;

    RecordService(RecordAccess access, MeetingRows meetings, RecordRows records, RollRows roll, RollMarks marks,
                   RecordViews views, MeetingChanges changes, AttendanceChanges attendanceChanges, LateRecording lateRecording, AttendanceService attendance,
                   AuditLog audit) {
        this.access = access;
        this.attendance = attendance;
        this.meetings = meetings;
        this.records = records;
        this.roll = roll;
        this.marks = marks;
        this.views = views;
        this.changes = changes;
        this.attendanceChanges = attendanceChanges;
        this.lateRecording = lateRecording;
        this.audit = audit;
    }

    /** The record as the caller may read it (404 for anyone who may not). */
    public MeetingRecord read(DataScope scope, long meetingId) {
        return views.of(access.readable(scope, meetingId));
    }

    /** The caller is invited to the meeting: they will read its record once it is confirmed. */
    public boolean invited(DataScope scope, long meetingId) {
        return access.invitedTo(scope, meetingId);
    }

    /** The caller may save, confirm and correct this record: they manage the meeting's organization. */
    public boolean manages(DataScope scope, MeetingRecord record) {
        return scope.managesMembersAt(record.meeting().orgPath());
    }

    /** The record can be saved now: the meeting has started and its record is not confirmed. */
    public boolean editable(MeetingRecord record) {
        MeetingStatus s = record.meeting().status();
        return s == MeetingStatus.HELD || (s == MeetingStatus.PLANNED && !record.meeting().startsAt().isAfter(Instant.now()));
    }

    /** Saving the record today would be 补录 and needs a reason. */
    public boolean wouldBeLate(MeetingRecord record) {
        return record.meeting().status() == MeetingStatus.PLANNED
                && lateRecording.late(record.meeting().heldOn(), LocalDate.now());
    }

    public LateRecording lateRecording() {
        return lateRecording;
    }

    @Transactional
    public MeetingRecord save(DataScope scope, long meetingId, RecordForm form) {
        MeetingRow m = access.writable(scope, meetingId);
        refuseUnlessEditable(m);
        // Check-ins wait while the record counts the roll: each one is counted here or, committing later, tells
        // compliance itself (it then finds the meeting held).
        attendance.lockAndCount(meetingId);
        List<RollEntry> entries = roll.roll(meetingId);
        FieldErrors errors = new FieldErrors();
        String minutes = RecordInput.minutes(errors, form.minutes());
        List<String> resolutions = RecordInput.resolutions(errors, form.resolutions());
        String chair = RecordInput.name(errors, "chair", "主持人", form.chair());
        String taker = RecordInput.name(errors, "minutesTaker", "记录人", form.minutesTaker());
        Set<Long> present = form.presentMemberIds() == null ? null
                : RecordInput.present(errors, entries, form.presentMemberIds());
        errors.throwIfAny();
        boolean first = m.status() == MeetingStatus.PLANNED;
        LateRecording.Timeliness timeliness = first
                ? lateRecording.judge(m.heldOn(), LocalDate.now(), form.lateReason()) : null;
        MeetingRecord before = first ? null : views.of(m);
        var facts = changes.facts(meetingId);
        records.save(meetingId, minutes, resolutions, chair, taker, scope.actorName());
        if (present != null) {
            marks.apply(meetingId, entries, present, m.startsAt(), scope.actorName());
        }
        if (first) {
            meetings.markHeld(meetingId, timeliness.late(), timeliness.reason());
        }
        changes.announce(facts, changes.facts(meetingId));
        attendanceChanges.meeting(meetingId);
        MeetingRecord saved = views.of(meetings.find(meetingId).orElseThrow());
        audit.record(scope, first ? RecordAuditAction.RECORDED : RecordAuditAction.EDITED, ENTITY, meetingId,
                m.orgPath(), before == null ? null : snapshot(before), snapshot(saved));
        return saved;
    }

    /** HELD → CONFIRMED: the record is locked; later changes are corrections with a reason. */
    @Transactional
    public MeetingRecord confirm(DataScope scope, long meetingId) {
        MeetingRow m = access.writable(scope, meetingId);
        refuseUnlessHeld(m.status(), m.confirmedAt(), m.confirmedBy());
        attendance.lockAndCount(meetingId);
        MeetingRecord before = views.of(m);
        var facts = changes.facts(meetingId);
        meetings.confirm(meetingId, scope.actorName());
        changes.announce(facts, changes.facts(meetingId));
        MeetingRecord confirmed = views.of(meetings.find(meetingId).orElseThrow());
        audit.record(scope, RecordAuditAction.CONFIRMED, ENTITY, meetingId, m.orgPath(), snapshot(before),
                snapshot(confirmed));
        return confirmed;
    }

    /** Records saved but not confirmed in a subtree the caller manages, the oldest first (the secretary's inbox). */
    public List<MeetingHeading> unconfirmed(DataScope scope, TreePath subtree, int limit) {
        return views.headings(meetings.unconfirmed(scope, subtree, limit));
    }

    /** Refuses, before the confirmation is asked, a record the caller may not or cannot confirm now. */
    public void refuseUnconfirmable(DataScope scope, MeetingRecord r) {
        if (!manages(scope, r)) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以确认会议记录");
        }
        refuseUnlessHeld(r.meeting().status(), r.meeting().confirmedAt(), r.meeting().confirmedBy());
    }

    private static void refuseUnlessHeld(MeetingStatus status, Instant confirmedAt, String confirmedBy) {
        switch (status) {
            case PLANNED -> throw InvalidInputException.of("", "会议尚未记录：请先保存会议记录，再确认");
            case CANCELLED -> throw InvalidInputException.of("", "会议已取消，没有可确认的记录");
            case CONFIRMED -> throw InvalidInputException.of("", "会议记录已于" + time(confirmedAt) + "由"
                    + confirmedBy + "确认");
            case HELD -> {
            }
        }
    }

    private static void refuseUnlessEditable(MeetingRow m) {
        switch (m.status()) {
            case CONFIRMED -> throw InvalidInputException.of("", LOCKED);
            case CANCELLED -> throw InvalidInputException.of("", "会议已取消，不能记录");
            case PLANNED -> {
                if (!m.started(Instant.now())) {
                    throw InvalidInputException.of("", "会议尚未开始（" + time(m.startsAt()) + "开始），开始后才能记录");
                }
            }
            case HELD -> {
            }
        }
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    /** What the audit keeps of a record: the meeting, what it says, who was there and whether it was quorate. */
    static Map<String, Object> snapshot(MeetingRecord r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", r.meeting().title());
        s.put("heldOn", r.meeting().heldOn().toString());
        s.put("kinds", r.meeting().kindLabels());
        s.put("status", r.meeting().status().name());
        if (r.meeting().late()) {
            s.put("late", true);
            s.put("lateReason", r.meeting().lateReason());
        }
        if (r.minutes() != null) {
            s.put("chair", r.minutes().chair());
            s.put("minutesTaker", r.minutes().minutesTaker());
            s.put("minutes", r.minutes().html());
            s.put("resolutions", r.minutes().resolutions());
        }
        s.put("present", r.roll().stream().filter(RollEntry::present).map(RollEntry::name)
                .collect(Collectors.joining("、")));
        s.put("attendance", r.attendance().summary());
        if (r.quorum().applies()) {
            s.put("quorum", r.quorum().label());
        }
        return s;
    }
}
