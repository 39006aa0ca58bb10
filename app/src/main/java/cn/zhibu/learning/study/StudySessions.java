package cn.zhibu.learning.study;

import cn.zhibu.platform.DataChanges;
import cn.zhibu.learning.CourseCompleted;
import cn.zhibu.learning.LearningSettings;
import cn.zhibu.learning.StudyCredit;
import cn.zhibu.learning.StudyHours;
import cn.zhibu.learning.StudySource;
import cn.zhibu.learning.study.internal.StudyRows;
import cn.zhibu.learning.study.internal.StudyRows.BeatInput;
import cn.zhibu.learning.study.internal.StudyRows.BeatOutcome;
import cn.zhibu.learning.study.internal.StudyRows.Registered;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Sm3;
import cn.zhibu.platform.TreePath;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Study time the server vouches for (LEARNING.md "Study time", RULES.md §7 T1): a member studies a course addressed
 * to them in a session, and the page beats; each beat is credited by the server's clock — the time since the last
 * beat that moved the clock, at most {@code creditCapSeconds}; nothing for an early beat (sooner than
 * {@code earlySeconds}: the clock does not move either) or a hidden page (the clock moves: the hidden interval is
 * never credited); never more than the course still needs (a video's credit is at most its length) nor the day's
 * room ({@code dailyCapHours}). The client sends no time and no duration. One active session per member: starting
 * one ends the others (已在其他设备上学习), whose beats are then refused. Each beat carries the session's current
 * one-time token and gets the next: a replayed or forged beat matches nothing and credits nothing. The beat that
 * completes the course sets {@code completed_at}, credits the course's 学时 through {@link StudyHours} and
 * publishes {@link CourseCompleted}, in its transaction — once.
 */
@Service
public class StudySessions {

    private static final String ENTITY = "study_session";
    private static final String NOT_FOUND = "课程不存在或不在您的学习范围内";
    private static final String NO_SESSION = "学习记录不存在";
    private static final String UNNAMED_DEVICE = "未命名设备";

    private final StudyRows rows;
    private final StudyHours hours;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final LearningSettings learning;
    private final StudySettings settings;
    private final Clock clock;
    private final DataChanges changes;
    private final SecureRandom random = new SecureRandom();

    StudySessions(StudyRows rows, StudyHours hours, ApplicationEventPublisher events, AuditLog audit,
                  LearningSettings learning, StudySettings settings, Clock clock, DataChanges changes) {
        this.changes = changes;
        this.rows = rows;
        this.hours = hours;
        this.events = events;
        this.audit = audit;
        this.learning = learning;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts studying a course addressed to the caller (a member); ends their sessions on other devices. */
    @Transactional
    public StudyStarted start(DataScope scope, long courseId, String device) {
        long member = self(scope, NOT_FOUND);
        Registered where = rows.registered(member).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        var course = rows.addressedCourse(courseId, prefixes(where.orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        Instant now = clock.instant();
        String label = device == null || device.isBlank() ? UNNAMED_DEVICE : device;
        List<Long> takenOver = rows.takeOver(member, now);
        rows.ensureProgress(member, courseId, where, now);
        String token = newToken();
        long session = rows.insertSession(member, courseId, where, label, Sm3.hex(token), now);
        var standing = rows.standing(member, courseId, today(now));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("memberId", member);
        after.put("courseId", courseId);
        after.put("course", course.title());
        after.put("device", label);
        if (!takenOver.isEmpty()) {
            after.put("takenOver", takenOver);
        }
        audit.record(scope, StudyAuditAction.STARTED, ENTITY, session, where.orgPath(), null, after);
        return new StudyStarted(session, token, learning.heartbeatSeconds(), standing.courseCredited(),
                standing.courseSeconds(), standing.positionSeconds(), standing.completed(),
                Math.max(0, learning.dailyCapSeconds() - standing.dayCredited()), !takenOver.isEmpty());
    }

    /**
     * One beat of the caller's session: {@code visible} whether the page is shown, {@code position} where playback
     * or reading is (seconds; kept to resume, never credited). Refused (409, nothing credited) when the session was
     * taken over, ended or expired, or the token is not its current one; 404 when it is not the caller's.
     */
    @Transactional(noRollbackFor = StudyRefusedException.class)
    public StudyBeat beat(DataScope scope, long sessionId, String token, boolean visible, int position) {
        long member = self(scope, NO_SESSION);
        Instant now = clock.instant();
        String next = newToken();
        var outcome = rows.beat(new BeatInput(sessionId, member, Sm3.hex(token == null ? "" : token), Sm3.hex(next),
                visible, Math.max(0, position), now, today(now), learning.earlySeconds(),
                learning.creditCapSeconds(), learning.dailyCapSeconds(), now.minus(expiry())));
        if (outcome.isEmpty()) {
            throw refusal(member, sessionId, token, now);
        }
        BeatOutcome beat = outcome.get();
        // a beat changes the member's progress, seen from their organization up (the read cache's versions)
        if (scope.selfOrgPath() != null) {
            changes.touched(scope.selfOrgPath());
        } else {
            changes.touchedAnything();
        }
        if (beat.completedNow()) {
            completed(scope, member, sessionId, beat, now);
        }
        return new StudyBeat(next, beat.credited(), beat.courseCredited(), beat.courseSeconds(), beat.completed(),
                beat.dailyRemaining(), learning.heartbeatSeconds());
    }

    /** The last beat of a session (the page closes or the member stops), then the session ends as FINISHED. */
    @Transactional(noRollbackFor = StudyRefusedException.class)
    public StudyBeat end(DataScope scope, long sessionId, String token, boolean visible, int position) {
        StudyBeat last = beat(scope, sessionId, token, visible, position);
        Instant now = clock.instant();
        rows.end(sessionId, StudyRefusal.FINISHED.name(), now);
        var ended = rows.ended(sessionId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("courseId", ended.courseId());
        after.put("device", ended.device());
        after.put("creditedSeconds", ended.creditedSeconds());
        audit.record(scope, StudyAuditAction.FINISHED, ENTITY, sessionId, ended.orgPath(), null, after);
        return last;
    }

    private void completed(DataScope scope, long member, long sessionId, BeatOutcome beat, Instant now) {
        rows.commitDurably();
        hours.credit(new StudyCredit(member, StudySource.COURSE, beat.courseId(), beat.title(), beat.hours(),
                today(now), false));
        events.publishEvent(new CourseCompleted(member, beat.courseId(), beat.required(), now));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("memberId", member);
        after.put("courseId", beat.courseId());
        after.put("course", beat.title());
        after.put("hours", beat.hours());
        after.put("courseCredited", beat.courseCredited());
        audit.record(scope, StudyAuditAction.COMPLETED, ENTITY, sessionId, scope.selfOrgPath() == null ? null
                : scope.selfOrgPath().value(), null, after);
    }

    /** Why the beat matched nothing: not the caller's (404), over (409 with why), expired now, or a stale token. */
    private RuntimeException refusal(long member, long sessionId, String token, Instant now) {
        var session = rows.session(sessionId).filter(s -> s.memberId() == member);
        if (session.isEmpty()) {
            return new NotFoundException(NO_SESSION);
        }
        var state = session.get();
        if (state.endReason() != null) {
            return new StudyRefusedException(StudyRefusal.valueOf(state.endReason()));
        }
        if (token == null || !state.tokenHash().equals(Sm3.hex(token))) {
            return new StudyRefusedException(StudyRefusal.STALE_TOKEN);
        }
        rows.end(sessionId, StudyRefusal.EXPIRED.name(), now);
        return new StudyRefusedException(StudyRefusal.EXPIRED);
    }

    private Duration expiry() {
        return Duration.ofMinutes(settings.expireMinutes());
    }

    private static long self(DataScope scope, String notFound) {
        if (scope.selfMemberId() == null) {
            throw new NotFoundException(notFound);
        }
        return scope.selfMemberId();
    }

    /** The path and its ancestors' paths: the organizations whose SUBTREE courses reach the member. */
    static List<String> prefixes(String memberPath) {
        List<String> prefixes = new ArrayList<>();
        TreePath path = null;
        for (long id : new TreePath(memberPath).ids()) {
            path = path == null ? TreePath.root(id) : path.child(id);
            prefixes.add(path.value());
        }
        return prefixes;
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, clock.getZone());
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
