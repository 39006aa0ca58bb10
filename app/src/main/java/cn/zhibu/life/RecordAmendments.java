package cn.zhibu.life;

import cn.zhibu.life.internal.CorrectionRows;
import cn.zhibu.life.internal.KindRules;
import cn.zhibu.life.internal.MeetingRow;
import cn.zhibu.life.internal.MeetingRows;
import cn.zhibu.life.internal.RecordAccess;
import cn.zhibu.life.internal.RecordInput;
import cn.zhibu.life.internal.RecordRows;
import cn.zhibu.life.internal.RecordViews;
import cn.zhibu.life.internal.RollMarks;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 更正 of a confirmed record: the record then holds the corrected values, and each correction keeps, field by field,
 * what it replaced and why — the original record stays visible in the history, and every correction is audited. A
 * correction of the day held is judged by {@link LateRecording} against the day the meeting was recorded; one of the
 * day, the kinds or the roll tells compliance ({@link MeetingChangeListener}).
 */
@Service
@Transactional(readOnly = true)
public class RecordAmendments {

    private final RecordAccess access;
    private final MeetingRows meetings;
    private final RecordRows records;
    private final RollMarks marks;
    private final CorrectionRows corrections;
    private final RecordViews views;
    private final MeetingChanges changes;
    private final AttendanceChanges attendanceChanges;
    private final KindRules kindRules;
    private final LateRecording lateRecording;
    private final AuditLog audit;

    RecordAmendments(RecordAccess access, MeetingRows meetings, RecordRows records, RollMarks marks,
                     CorrectionRows corrections, RecordViews views, MeetingChanges changes, AttendanceChanges attendanceChanges, KindRules kindRules,
                     LateRecording lateRecording, AuditLog audit) {
        this.access = access;
        this.meetings = meetings;
        this.records = records;
        this.marks = marks;
        this.corrections = corrections;
        this.views = views;
        this.changes = changes;
        this.attendanceChanges = attendanceChanges;
        this.kindRules = kindRules;
        this.lateRecording = lateRecording;
        this.audit = audit;
    }

    /** The corrections of a record the caller may read, oldest first. */
    public List<RecordCorrection> of(DataScope scope, long meetingId) {
        access.readable(scope, meetingId);
        return corrections.of(meetingId);
    }

    @Transactional
    public RecordCorrection amend(DataScope scope, long meetingId, RecordAmendment request) {
        MeetingRow m = access.writable(scope, meetingId);
        switch (m.status()) {
            case PLANNED -> throw InvalidInputException.of("", "会议尚未记录，没有可更正的内容");
            case CANCELLED -> throw InvalidInputException.of("", "会议已取消，没有可更正的记录");
            case HELD -> throw InvalidInputException.of("", "会议记录尚未确认，请直接修改，无须更正");
            case CONFIRMED -> {
            }
        }
        MeetingRecord was = views.of(m);
        Minutes minutes = was.minutes() != null ? was.minutes() : Minutes.none();
        FieldErrors errors = new FieldErrors();
        String reason = RecordInput.name(errors, "reason", "更正理由（原记录哪里有误）", request.reason());
        String html = request.minutes() == null ? minutes.html() : RecordInput.minutes(errors, request.minutes());
        List<String> resolutions = request.resolutions() == null ? minutes.resolutions()
                : RecordInput.resolutions(errors, request.resolutions());
        String chair = request.chair() == null ? minutes.chair()
                : RecordInput.name(errors, "chair", "主持人", request.chair());
        String taker = request.minutesTaker() == null ? minutes.minutesTaker()
                : RecordInput.name(errors, "minutesTaker", "记录人", request.minutesTaker());
        Set<Long> present = request.presentMemberIds() == null ? null
                : RecordInput.present(errors, was.roll(), request.presentMemberIds());
        Set<MeetingKind> kinds = request.kinds() == null ? m.kinds() : kindRules.check(errors, m, request.kinds());
        LocalDate heldOn = request.heldOn() == null ? m.heldOn() : request.heldOn();
        LateRecording.Timeliness timeliness = heldOn.equals(m.heldOn()) ? null : timeliness(errors, m, heldOn, reason);
        errors.throwIfAny();

        List<RecordCorrection.CorrectedField> changed = new ArrayList<>();
        change(changed, "heldOn", "召开日期", m.heldOn(), heldOn);
        change(changed, "kinds", "会议类型", labels(m.kinds()), labels(kinds));
        change(changed, "chair", "主持人", minutes.chair(), chair);
        change(changed, "minutesTaker", "记录人", minutes.minutesTaker(), taker);
        change(changed, "resolutions", "决议", String.join("\n", minutes.resolutions()), String.join("\n", resolutions));
        change(changed, "minutes", "会议记录", minutes.html(), html);
        if (present != null) {
            change(changed, "present", "出席人员", presentNames(was.roll(), null), presentNames(was.roll(), present));
        }
        if (changed.isEmpty()) {
            throw InvalidInputException.of("", "没有要更正的内容：填写的与原记录相同");
        }

        var facts = changes.facts(meetingId);
        if (timeliness != null) {
            meetings.moveDay(meetingId, heldOn, ChronoUnit.DAYS.between(m.heldOn(), heldOn), timeliness.late(),
                    timeliness.reason());
        }
        if (!kinds.equals(m.kinds())) {
            meetings.replaceKinds(meetingId, kinds);
        }
        records.save(meetingId, html, resolutions, chair, taker,
                minutes.savedBy() != null ? minutes.savedBy() : scope.actorName());
        if (present != null) {
            marks.apply(meetingId, was.roll(), present, m.startsAt(), scope.actorName());
        }
        long id = corrections.insert(meetingId, changed, reason, scope.actorName());
        changes.announce(facts, changes.facts(meetingId));
        attendanceChanges.meeting(meetingId);
        audit.record(scope, RecordAuditAction.AMENDED, RecordService.ENTITY, meetingId, m.orgPath(),
                snapshot(m, changed, true, null), snapshot(m, changed, false, reason));
        return corrections.of(meetingId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /**
     * The corrected day is judged as if the meeting had been held then and recorded when it was: within the 补录
     * window, and late (with the reason of the correction, or the one given at the time) when past the on-time window.
     */
    private LateRecording.Timeliness timeliness(FieldErrors errors, MeetingRow m, LocalDate heldOn, String reason) {
        LocalDate recordedOn = m.recordedAt().atZone(ZoneId.systemDefault()).toLocalDate();
        if (heldOn.isAfter(recordedOn)) {
            errors.reject("heldOn", "召开日期不能晚于会议记录的日期（" + recordedOn + "）");
            return null;
        }
        try {
            return lateRecording.judge(heldOn, recordedOn, m.lateReason() != null ? m.lateReason() : reason);
        } catch (InvalidInputException refused) {
            refused.fieldErrors().forEach((field, message) -> errors.reject("heldOn", message));
            return null;
        }
    }

    private static void change(List<RecordCorrection.CorrectedField> changes, String field, String label, Object was,
                               Object is) {
        String before = was == null || was.toString().isEmpty() ? null : was.toString();
        String after = is == null || is.toString().isEmpty() ? null : is.toString();
        if (!Objects.equals(before, after)) {
            changes.add(new RecordCorrection.CorrectedField(field, label, before, after));
        }
    }

    private static String labels(Set<MeetingKind> kinds) {
        return kinds.stream().sorted().map(MeetingKind::label).collect(Collectors.joining("、"));
    }

    /** Those present, by name: as the roll says, or as it will say with {@code present} marked (scans stay). */
    private static String presentNames(List<RollEntry> roll, Set<Long> present) {
        return roll.stream().filter(r -> present == null ? r.present()
                        : r.presence() == Presence.CHECKED_IN || present.contains(r.memberId()))
                .map(RollEntry::name).collect(Collectors.joining("、"));
    }

    private static Map<String, Object> snapshot(MeetingRow m, List<RecordCorrection.CorrectedField> changes, boolean before,
                                                String reason) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", m.title());
        for (RecordCorrection.CorrectedField c : changes) {
            s.put(c.field(), before ? c.before() : c.after());
        }
        if (reason != null) {
            s.put("reason", reason);
        }
        return s;
    }
}
