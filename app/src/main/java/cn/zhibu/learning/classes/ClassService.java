package cn.zhibu.learning.classes;

import cn.zhibu.learning.ClassCompletionChanged;
import cn.zhibu.learning.LearningSettings;
import cn.zhibu.learning.StudyCredit;
import cn.zhibu.learning.StudyHours;
import cn.zhibu.learning.StudySource;
import cn.zhibu.learning.classes.internal.ClassRecords;
import cn.zhibu.life.MeetingCheckTimes;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.RollMember;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.PlatformClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 培训班 (RULES.md T2). Managers (书记, 组织管理员) open classes for an organization of their subtree, add sessions and
 * enrol members of that organization's subtree; attendance is recorded per session with check-in and check-out —
 * the member's scan of the session's rotating code ({@link ClassCodes}), the organizer's entry by hand with a
 * reason, or, for a session held as a life meeting, that meeting's own check-in ({@link MeetingCheckTimes}).
 * <p>
 * After every change of a member's attendance their outcome is judged again ({@link ClassOutcome}) and credited
 * through {@link StudyHours} (CLASS: completed → the class's hours, concentrated; else the hours attended, not
 * concentrated), in the same transaction; a change of completion publishes {@link ClassCompletionChanged}.
 * Who sees a class: the managers of its organization's subtree, and its enrolled members (their own attendance only).
 * Anyone else gets 404.
 */
@Service
@Transactional(readOnly = true)
public class ClassService {

    public static final int TITLE_LIMIT = 200;
    public static final int REASON_LIMIT = 500;
    private static final String NOT_FOUND = "培训班不存在或不在您的查看范围内";
    private static final String CLASS = "learning_class";
    private static final String ATTENDANCE = "class_attendance";

    private final ClassRecords records;
    private final OrganizationService organizations;
    private final MembershipService membership;
    private final MeetingCheckTimes meetings;
    private final StudyHours hours;
    private final LearningSettings learning;
    private final ClassSettings settings;
    private final ClassCodes codes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClassService(ClassRecords records, OrganizationService organizations, MembershipService membership,
                 MeetingCheckTimes meetings, StudyHours hours, LearningSettings learning, ClassSettings settings,
                 ClassCodes codes, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.organizations = organizations;
        this.membership = membership;
        this.meetings = meetings;
        this.hours = hours;
        this.learning = learning;
        this.settings = settings;
        this.codes = codes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public ClassSettings settings() {
        return settings;
    }

    // ---- classes -------------------------------------------------------------------------------------------------

    @Transactional
    public TrainingClass open(DataScope scope, ClassDraft draft) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以开设培训班");
        }
        if (draft.orgId() <= 0) {
            throw InvalidInputException.of("orgId", "请选择举办培训班的党组织");
        }
        Organization org = organizations.lockManaged(scope, draft.orgId());
        FieldErrors errors = new FieldErrors();
        if (!org.active()) {
            errors.reject("orgId", "“" + org.name() + "”已撤销，不能开设培训班");
        }
        String title = text(errors, "title", draft.title(), TITLE_LIMIT, "请填写培训班名称");
        String place = draft.place() == null || draft.place().isBlank() ? null
                : text(errors, "place", draft.place(), TITLE_LIMIT, null);
        if (draft.startsOn() == null) {
            errors.reject("startsOn", "请填写开班日期");
        }
        if (draft.endsOn() == null) {
            errors.reject("endsOn", "请填写结业日期");
        } else if (draft.startsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            errors.reject("endsOn", "结业日期不能早于开班日期");
        } else if (draft.startsOn() != null && draft.endsOn().isAfter(draft.startsOn().plusYears(1))) {
            errors.reject("endsOn", "培训班的时间不能超过一年");
        }
        errors.throwIfAny();
        long id = records.insertClass(org.id(), org.path(), org.rootId(), title, place, draft.startsOn(),
                draft.endsOn(), draft.concentrated(), scope.actorName());
        TrainingClass opened = records.findClass(id).orElseThrow();
        audit.record(scope, ClassAuditAction.CLASS_OPENED, CLASS, id, org.path().value(), null, snapshot(opened));
        return opened;
    }

    /** The class, if the caller manages it or is enrolled in it; else 404. */
    public TrainingClass get(DataScope scope, long id) {
        return records.findClass(id).filter(c -> manages(scope, c) || enrolled(scope, c.id()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The class, if the caller manages it; 404 otherwise (never a hint that it exists). */
    TrainingClass managed(DataScope scope, long id) {
        return records.findClass(id).filter(c -> manages(scope, c))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    public boolean manages(DataScope scope, TrainingClass c) {
        return scope.managesMembersAt(c.orgPath());
    }

    private boolean enrolled(DataScope scope, long classId) {
        return scope.selfMemberId() != null && records.enrolment(classId, scope.selfMemberId()).isPresent();
    }

    /** The classes of the subtrees the caller manages, newest first. */
    public ClassPage list(DataScope scope, int page, int size) {
        Paging paging = Paging.of(page, size);
        return new ClassPage(records.managed(scope, paging.size(), paging.offset()), records.countManaged(scope),
                paging.page(), paging.size());
    }

    /** The caller's own classes (我的培训班) with their outcome so far. */
    public List<MyClass> mine(DataScope scope) {
        Long self = scope.selfMemberId();
        if (self == null) {
            return List.of();
        }
        return records.ofMember(self, 100).stream()
                .map(c -> new MyClass(c, records.enrolment(c.id(), self).orElseThrow())).toList();
    }

    /** A class as its enrolled member sees it: the class and their own attendance at each session. */
    public MyClassDetail myClass(DataScope scope, long classId) {
        Long self = scope.selfMemberId();
        Enrolment e = self == null ? null : records.enrolment(classId, self).orElse(null);
        if (e == null) {
            throw new NotFoundException(NOT_FOUND);
        }
        TrainingClass c = records.findClass(classId).orElseThrow();
        List<SessionAttendance> rows = records.sessions(classId).stream()
                .map(s -> records.attendance(s, self).orElseThrow()).toList();
        return new MyClassDetail(c, e, records.sessions(classId), rows,
                ClassOutcome.judge(c.totalHours(), e.attendedHours(), learning));
    }

    public record MyClass(TrainingClass trainingClass, Enrolment enrolment) {
    }

    public record MyClassDetail(TrainingClass trainingClass, Enrolment enrolment, List<ClassSession> sessions,
                                List<SessionAttendance> attendance, ClassOutcome outcome) {
    }

    // ---- sessions ------------------------------------------------------------------------------------------------

    public List<ClassSession> sessions(DataScope scope, long classId) {
        get(scope, classId);
        return records.sessions(classId);
    }

    /**
     * Adds a session: its times (or those of the life meeting it is held as, which the caller must manage) and its
     * 学时 (or the counting practice's). The class's hours grow, so every enrolled member's outcome is judged again.
     */
    @Transactional
    public ClassSession addSession(DataScope scope, long classId, SessionDraft draft) {
        TrainingClass c = managed(scope, classId);
        records.lockClass(classId);
        FieldErrors errors = new FieldErrors();
        String title = text(errors, "title", draft.title(), TITLE_LIMIT, "请填写课次名称（如“第一讲：党章学习”）");
        Instant start;
        Instant end;
        if (draft.meetingId() != null) {
            MeetingCheckTimes.Heading m = meetings.heading(scope, draft.meetingId());
            if (!c.orgPath().startsWith(m.orgPath()) && !m.orgPath().startsWith(c.orgPath())) {
                errors.reject("meetingId", "该会议不属于举办培训班的党组织及其上下级");
            }
            start = m.startsAt();
            end = m.endsAt();
        } else {
            start = instant(draft.startsAt());
            end = instant(draft.endsAt());
            if (start == null) {
                errors.reject("startsAt", "请填写开始时间");
            }
            if (end == null) {
                errors.reject("endsAt", "请填写结束时间");
            } else if (start != null && !end.isAfter(start)) {
                errors.reject("endsAt", "结束时间应晚于开始时间");
            } else if (start != null && Duration.between(start, end).toHours() >= 24) {
                errors.reject("endsAt", "一个课次不能超过一天；多天的培训请分别添加课次");
            }
        }
        if (start != null) {
            LocalDate day = start.atZone(PlatformClock.ZONE).toLocalDate();
            if (day.isBefore(c.startsOn()) || day.isAfter(c.endsOn())) {
                errors.reject(draft.meetingId() != null ? "meetingId" : "startsAt",
                        "课次应在培训班的时间内（" + c.startsOn() + " 至 " + c.endsOn() + "）");
            }
        }
        BigDecimal h = draft.hours();
        if (h != null && (h.signum() <= 0 || h.compareTo(settings.dayHours()) > 0 || h.scale() > 1
                && h.stripTrailingZeros().scale() > 1)) {
            errors.reject("hours", "学时应大于0、不超过" + settings.dayHours().toPlainString() + "（一天），最多一位小数");
        }
        errors.throwIfAny();
        if (h == null) {
            h = SessionHours.practice(Duration.between(start, end), settings);
        }
        long id = records.insertSession(classId, title, start, end, h, draft.meetingId());
        ClassSession session = records.findSession(id).orElseThrow();
        for (Enrolment e : records.enrolments(classId)) {
            judge(c, e.memberId());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("classId", classId);
        after.put("title", title);
        after.put("when", session.whenText());
        after.put("hours", h.toPlainString());
        if (draft.meetingId() != null) {
            after.put("meetingId", draft.meetingId());
        }
        audit.record(scope, ClassAuditAction.SESSION_ADDED, "class_session", id, c.orgPath(), null, after);
        return session;
    }

    // ---- enrolment -----------------------------------------------------------------------------------------------

    /** The enrolled members with their outcome so far, for the class's manager. */
    public List<Enrolment> enrolments(DataScope scope, long classId) {
        managed(scope, classId);
        return records.enrolments(classId);
    }

    /** Members of the organizer's subtree in the registry who are not enrolled yet, by name. */
    public List<RollMember> candidates(DataScope scope, long classId) {
        TrainingClass c = managed(scope, classId);
        java.util.Set<Long> enrolled = new java.util.HashSet<>();
        records.enrolments(classId).forEach(e -> enrolled.add(e.memberId()));
        return membership.roll(scope, c.orgId(), today()).stream().filter(m -> !enrolled.contains(m.id())).toList();
    }

    /**
     * Enrols members of the organizer's subtree (in the registry, within the caller's scope); an id outside it is
     * refused by name of the field, as if it did not exist. Enrolling someone already enrolled changes nothing.
     */
    @Transactional
    public List<Enrolment> enrol(DataScope scope, long classId, Collection<Long> memberIds) {
        TrainingClass c = managed(scope, classId);
        if (memberIds == null || memberIds.isEmpty()) {
            throw InvalidInputException.of("memberIds", "请选择要报名的党员");
        }
        if (memberIds.size() > 1000) {
            throw InvalidInputException.of("memberIds", "一次最多报名1000人");
        }
        records.lockClass(classId);
        List<RollMember> found = membership.roll(scope, memberIds, today());
        Map<Long, ClassRecords.Placement> places = records.placements(memberIds);
        List<Long> wanted = List.copyOf(new java.util.LinkedHashSet<>(memberIds));
        Map<Long, RollMember> byId = new LinkedHashMap<>();
        found.forEach(m -> byId.put(m.id(), m));
        for (long id : wanted) {
            ClassRecords.Placement p = places.get(id);
            if (!byId.containsKey(id) || p == null || !p.orgPath().startsWith(c.orgPath())) {
                throw InvalidInputException.of("memberIds",
                        "党员（编号" + id + "）不存在，或不在举办培训班的党组织“" + c.orgName() + "”及其下级组织中");
            }
        }
        List<Enrolment> added = new ArrayList<>();
        for (long id : wanted) {
            ClassRecords.Placement p = places.get(id);
            if (records.enrol(classId, id, byId.get(id).name(), p.orgId(), scope.actorName())) {
                Enrolment e = records.enrolment(classId, id).orElseThrow();
                added.add(e);
                audit.record(scope, ClassAuditAction.ENROLLED, "class_enrolment", classId + ":" + id, c.orgPath(),
                        null, Map.of("classId", classId, "classTitle", c.title(), "memberId", id,
                                "memberName", e.memberName()));
            }
        }
        return added;
    }

    /** Removes a member who has no attendance recorded (one who came is kept: their record is history). */
    @Transactional
    public void unenrol(DataScope scope, long classId, long memberId) {
        TrainingClass c = managed(scope, classId);
        records.lockClass(classId);
        Enrolment e = records.enrolment(classId, memberId)
                .orElseThrow(() -> new NotFoundException("该党员没有报名本培训班"));
        if (records.hasAttendance(classId, memberId)) {
            throw InvalidInputException.of("memberId", e.memberName() + "已有出勤记录，不能移除；如登记有误，请更正出勤");
        }
        records.unenrol(classId, memberId);
        audit.record(scope, ClassAuditAction.UNENROLLED, "class_enrolment", classId + ":" + memberId, c.orgPath(),
                Map.of("classId", classId, "classTitle", c.title(), "memberId", memberId, "memberName", e.memberName()),
                null);
    }

    // ---- attendance ----------------------------------------------------------------------------------------------

    /** One session's attendance sheet (every enrolled member), for the class's manager. */
    public ClassSheet sheet(DataScope scope, long sessionId) {
        ClassSession s = session(sessionId);
        TrainingClass c = managed(scope, s.classId());
        return new ClassSheet(c, s, records.sheet(s));
    }

    public record ClassSheet(TrainingClass trainingClass, ClassSession session, List<SessionAttendance> rows) {

        public long checkedIn() {
            return rows.stream().filter(SessionAttendance::checkedIn).count();
        }

        public long checkedOut() {
            return rows.stream().filter(SessionAttendance::checkedOut).count();
        }
    }

    /** A session the caller may see (its class's manager, or one enrolled in it); else 404. */
    public ClassSession session(DataScope scope, long sessionId) {
        ClassSession s = session(sessionId);
        get(scope, s.classId());
        return s;
    }

    private ClassSession session(long sessionId) {
        return records.findSession(sessionId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The code the session's screen shows now, and the link its QR encodes (the member's check-in page). */
    public ClassScreenCode screenCode(DataScope scope, long sessionId, ClassCheck purpose) {
        ClassSession s = session(sessionId);
        managed(scope, s.classId());
        Instant now = clock.instant();
        ClassCodes.Issued issued = codes.current(sessionId, purpose, now);
        Window w = window(s, purpose);
        String note = w.open(now) ? null : now.isBefore(w.opens()) ? purpose.label() + "尚未开始（"
                + ClassSession.time(w.opens()) + " 起）" : purpose.label() + "已于 " + ClassSession.time(w.closes()) + " 截止";
        return new ClassScreenCode(s, purpose, issued.code(), "/learning/classes/sessions/" + sessionId + "/scan?purpose="
                + purpose + "&c=" + issued.code(), issued.rotatesAt(), note);
    }

    public record ClassScreenCode(ClassSession session, ClassCheck purpose, String code, String link, Instant rotatesAt,
                             String note) {
    }

    /**
     * The calling member's scan: only an enrolled member, with a current code of this session and purpose, within
     * the session's window; check-out only after check-in. The first scan stands (a repeated one changes nothing).
     */
    @Transactional
    public SessionAttendance scan(DataScope scope, long sessionId, ClassCheck purpose, String code) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        codes.check(code, sessionId, purpose, now);
        Long self = scope.selfMemberId();
        if (self == null) {
            throw new ForbiddenException("您的账号没有关联党员档案，不能扫码" + purpose.label() + "；请联系培训班组织者登记");
        }
        ClassSession s = session(sessionId);
        TrainingClass c = records.findClass(s.classId()).orElseThrow();
        records.lockClass(c.id());
        SessionAttendance row = records.attendance(s, self).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (s.meetingId() != null) {
            throw InvalidInputException.of("", "本课次以组织生活会议的形式举行，请扫描会议的签到二维码");
        }
        if (purpose == ClassCheck.IN ? row.checkedIn() : row.checkedOut()) {
            return row;
        }
        Window w = window(s, purpose);
        if (now.isBefore(w.opens())) {
            throw InvalidInputException.of("", purpose.label() + "尚未开始：" + ClassSession.time(w.opens()) + " 起可以"
                    + purpose.label());
        }
        if (now.isAfter(w.closes())) {
            throw InvalidInputException.of("", purpose.label() + "已于 " + ClassSession.time(w.closes())
                    + " 截止，如有疑问请与培训班组织者联系");
        }
        if (purpose == ClassCheck.OUT && !row.checkedIn()) {
            throw InvalidInputException.of("", "您还没有签到，不能签退；请与培训班组织者联系登记");
        }
        if (purpose == ClassCheck.IN) {
            records.setTimes(s, self, now, null, null, null, null, null);
        } else {
            records.setTimes(s, self, row.checkedInAt(), row.checkedInBy(), row.checkedInReason(), now, null, null);
        }
        SessionAttendance after = records.attendance(s, self).orElseThrow();
        judge(c, self);
        audit.record(scope, purpose == ClassCheck.IN ? ClassAuditAction.CHECKED_IN : ClassAuditAction.CHECKED_OUT,
                ATTENDANCE, sessionId + ":" + self, c.orgPath(), null, snapshot(c, s, after));
        return after;
    }

    /**
     * The organizer records or corrects a member's attendance at a session by hand, with a reason: check-in and
     * check-out times (China Standard Time; null clears it — clearing the check-in clears the check-out too). The
     * member's outcome is judged and credited again.
     */
    @Transactional
    public SessionAttendance byHand(DataScope scope, long sessionId, long memberId, LocalDateTime in,
                                    LocalDateTime out, String reason) {
        ClassSession s = session(sessionId);
        TrainingClass c = managed(scope, s.classId());
        records.lockClass(c.id());
        SessionAttendance before = records.attendance(s, memberId)
                .orElseThrow(() -> new NotFoundException("该党员没有报名本培训班"));
        FieldErrors errors = new FieldErrors();
        String why = text(errors, "reason", reason, REASON_LIMIT, "请填写手工登记的原因");
        Instant inAt = instant(in);
        Instant outAt = instant(out);
        Window w = window(s, ClassCheck.OUT);
        String range = ClassSession.time(w.opens()) + " 至 " + ClassSession.time(w.closes());
        Instant now = clock.instant();
        if (inAt != null && (inAt.isBefore(w.opens()) || inAt.isAfter(s.endsAt()))) {
            errors.reject("checkedInAt", "签到时间应在 " + range.replace(ClassSession.time(w.closes()),
                    ClassSession.time(s.endsAt())) + " 之间");
        } else if (inAt != null && inAt.isAfter(now)) {
            errors.reject("checkedInAt", "签到时间不能晚于现在");
        }
        if (outAt != null && inAt == null) {
            errors.reject("checkedOutAt", "没有签到时间，不能登记签退");
        } else if (outAt != null && (outAt.isBefore(w.opens()) || outAt.isAfter(w.closes()))) {
            errors.reject("checkedOutAt", "签退时间应在 " + range + " 之间");
        } else if (outAt != null && outAt.isBefore(inAt)) {
            errors.reject("checkedOutAt", "签退时间不能早于签到时间");
        } else if (outAt != null && outAt.isAfter(now)) {
            errors.reject("checkedOutAt", "签退时间不能晚于现在");
        }
        errors.throwIfAny();
        boolean inChanged = !java.util.Objects.equals(inAt, before.checkedInAt());
        boolean outChanged = !java.util.Objects.equals(outAt, before.checkedOutAt());
        if (!inChanged && !outChanged) {
            throw InvalidInputException.of("", "签到、签退时间与已登记的相同，无需更改");
        }
        records.setTimes(s, memberId, inAt, inAt == null ? null : inChanged ? scope.actorName() : before.checkedInBy(),
                inAt == null ? null : inChanged ? why : before.checkedInReason(), outAt,
                outAt == null ? null : outChanged ? scope.actorName() : before.checkedOutBy(),
                outAt == null ? null : outChanged ? why : before.checkedOutReason());
        SessionAttendance after = records.attendance(s, memberId).orElseThrow();
        judge(c, memberId);
        audit.record(scope, ClassAuditAction.ATTENDANCE_BY_HAND, ATTENDANCE, sessionId + ":" + memberId, c.orgPath(),
                snapshot(c, s, before), snapshot(c, s, after));
        return after;
    }

    /**
     * For a session held as a life meeting: takes the meeting's check-in and check-out times of the enrolled
     * members (the meeting's roll is the one record; members do not check in twice). Returns how many changed.
     */
    @Transactional
    public int importMeetingAttendance(DataScope scope, long sessionId) {
        ClassSession s = session(sessionId);
        TrainingClass c = managed(scope, s.classId());
        if (s.meetingId() == null) {
            throw InvalidInputException.of("", "本课次不是以组织生活会议的形式举行的，没有会议签到可导入");
        }
        records.lockClass(c.id());
        List<SessionAttendance> rows = records.sheet(s);
        Map<Long, MeetingCheckTimes.Times> times = meetings.of(scope, s.meetingId(),
                rows.stream().map(SessionAttendance::memberId).toList());
        int changed = 0;
        for (SessionAttendance row : rows) {
            MeetingCheckTimes.Times t = times.get(row.memberId());
            Instant in = t == null ? null : t.checkedInAt();
            Instant out = t == null || in == null ? null : t.checkedOutAt();
            if (java.util.Objects.equals(in, row.checkedInAt()) && java.util.Objects.equals(out, row.checkedOutAt())) {
                continue;
            }
            String by = "组织生活会议签到";
            records.setTimes(s, row.memberId(), in, in == null ? null : by, null, out, out == null ? null : by, null);
            judge(c, row.memberId());
            changed++;
        }
        audit.record(scope, ClassAuditAction.ATTENDANCE_IMPORTED, "class_session", sessionId, c.orgPath(), null,
                Map.of("classId", c.id(), "meetingId", s.meetingId(), "changed", changed));
        return changed;
    }

    /** The sessions of the caller's classes that start today (the inbox's). */
    public List<ClassSession> sessionsToday(DataScope scope) {
        if (scope.selfMemberId() == null) {
            return List.of();
        }
        Instant from = today().atStartOfDay(PlatformClock.ZONE).toInstant();
        return records.sessionsOfMember(scope.selfMemberId(), from, from.plus(Duration.ofDays(1)));
    }

    public TrainingClass classOf(ClassSession s) {
        return records.findClass(s.classId()).orElseThrow();
    }

    // ---- outcome -------------------------------------------------------------------------------------------------

    /** Judges one member's outcome again and credits it when it changed (the class's row is locked by the caller). */
    private void judge(TrainingClass c, long memberId) {
        Enrolment before = records.enrolment(c.id(), memberId).orElseThrow();
        Map<Long, Instant[]> times = records.timesOfMember(c.id(), memberId);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal attended = BigDecimal.ZERO;
        for (ClassSession s : records.sessions(c.id())) {
            total = total.add(s.hours());
            Instant[] t = times.get(s.id());
            if (t != null) {
                attended = attended.add(SessionHours.attended(s, t[0], t[1]));
            }
        }
        ClassOutcome outcome = ClassOutcome.judge(total, attended, learning);
        BigDecimal shown = SessionHours.credited(outcome.attended());
        if (shown.compareTo(before.attendedHours()) == 0 && outcome.completed() == before.completed()
                && !(outcome.completed() && total.compareTo(c.totalHours()) != 0)) {
            return;
        }
        records.setOutcome(c.id(), memberId, shown, outcome.completed());
        BigDecimal credit = outcome.creditedHours();
        if (credit.signum() == 0) {
            hours.withdraw(memberId, StudySource.CLASS, c.id());
        } else {
            hours.credit(new StudyCredit(memberId, StudySource.CLASS, c.id(), c.title(), credit, c.endsOn(),
                    outcome.completed() && c.concentrated()));
        }
        if (outcome.completed() != before.completed()) {
            events.publishEvent(new ClassCompletionChanged(memberId, c.id(), c.title(), outcome.completed(), today()));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private record Window(Instant opens, Instant closes) {
        boolean open(Instant now) {
            return !now.isBefore(opens) && !now.isAfter(closes);
        }
    }

    private Window window(ClassSession s, ClassCheck purpose) {
        Instant opens = s.startsAt().minus(Duration.ofMinutes(settings.openMinutesBefore()));
        return new Window(opens, purpose == ClassCheck.IN ? s.endsAt()
                : s.endsAt().plus(Duration.ofMinutes(settings.checkoutMinutesAfter())));
    }

    private LocalDate today() {
        return clock.instant().atZone(PlatformClock.ZONE).toLocalDate();
    }

    private static Instant instant(LocalDateTime at) {
        return at == null ? null : at.atZone(PlatformClock.ZONE).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String text(FieldErrors errors, String field, String value, int limit, String missing) {
        if (value == null || value.isBlank()) {
            if (missing != null) {
                errors.reject(field, missing);
            }
            return null;
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > limit) {
            errors.reject(field, "不能超过" + limit + "字");
        }
        return v;
    }

    private static Map<String, Object> snapshot(TrainingClass c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("orgId", c.orgId());
        s.put("title", c.title());
        s.put("place", c.place());
        s.put("startsOn", c.startsOn().toString());
        s.put("endsOn", c.endsOn().toString());
        s.put("concentrated", c.concentrated());
        s.values().removeIf(java.util.Objects::isNull);
        return s;
    }

    private static Map<String, Object> snapshot(TrainingClass c, ClassSession s, SessionAttendance a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classId", c.id());
        m.put("classTitle", c.title());
        m.put("session", s.title() + "（" + s.whenText() + "）");
        m.put("memberId", a.memberId());
        m.put("memberName", a.memberName());
        m.put("checkedInAt", a.checkedInText());
        m.put("checkedInBy", a.checkedInBy());
        m.put("checkedInReason", a.checkedInReason());
        m.put("checkedOutAt", a.checkedOutText());
        m.put("checkedOutBy", a.checkedOutBy());
        m.put("checkedOutReason", a.checkedOutReason());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }
}
