package cn.zhibu.learning.views;

import cn.zhibu.learning.StudyMetrics;
import cn.zhibu.learning.views.internal.LearningReadRecords;
import cn.zhibu.learning.views.internal.LearningReadRecords.BehindRow;
import cn.zhibu.learning.views.internal.LearningReadRecords.Target;
import cn.zhibu.learning.views.internal.LearningReadRecords.YearRow;
import cn.zhibu.learning.views.internal.ReminderRows;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.RollMember;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reads behind the learning pages and API: a member's own learning, an organization's members behind, a
 * committee's year per child organization from the roll-up ({@code study_rollup}, kept by the hours part). Within the
 * caller's scope: a member reads their own, a manager the members and organizations of their subtree; else 404.
 */
@Service
public class LearningViews {

    /** Most members behind on one page. */
    public static final int PAGE = 50;
    private static final int DUE_LIMIT = 50;
    private static final int OVERDUE_COURSES = 200;
    private static final int ROLLUP_COURSES = 50;
    private static final Pattern CURSOR = Pattern.compile("(/(?:\\d+/)+)~(\\d+)");
    private static final List<String> METRICS = List.of(StudyMetrics.HOURS_CENTI, StudyMetrics.MEMBERS_STUDIED,
            StudyMetrics.MEMBERS_MET);

    private final LearningReadRecords records;
    private final ReminderRows reminders;
    private final MemberService members;
    private final MembershipService membership;
    private final OrganizationService organizations;
    private final LearningViewsSettings settings;
    private final MonthlyRollup rollup;
    private final Clock clock;

    LearningViews(LearningReadRecords records, ReminderRows reminders, MemberService members,
                  MembershipService membership, OrganizationService organizations, LearningViewsSettings settings,
                  JdbcClient jdbc, Clock clock) {
        this.records = records;
        this.reminders = reminders;
        this.members = members;
        this.membership = membership;
        this.organizations = organizations;
        this.settings = settings;
        this.rollup = new MonthlyRollup(jdbc, "study_rollup");
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The caller's own learning; 404 for a user with no member record. */
    public LearningMine mine(DataScope scope) {
        if (scope.selfMemberId() == null) {
            throw new NotFoundException("您的账号未关联党员信息");
        }
        return member(scope, scope.selfMemberId());
    }

    /** A member's learning: their own, or a member of the caller's subtree; else 404. */
    public LearningMine member(DataScope scope, long memberId) {
        Member m = members.get(scope, memberId);
        LocalDate today = today();
        int year = today.getYear();
        List<LearningDueCourse> due = records.dueCourses(memberId, new TreePath(m.orgPath()), today, DUE_LIMIT);
        LearningHoursStanding hours = standing(records.year(memberId, year).orElse(null), records.memberTarget(year),
                year, today);
        List<LearningReminderNote> notes = reminders.since(memberId, today.minusDays(settings.reminderDays() - 1L), 20);
        return new LearningMine(memberId, m.name(), m.orgId(), m.orgName(), due, records.completedIn(memberId, year),
                hours, notes, links(year));
    }

    /** The pages of every part a member uses. */
    public static List<LearningLink> links(int year) {
        return List.of(new LearningLink("courses", "网上课程", "/learning/courses"),
                new LearningLink("hours", "我的学时", "/learning/hours"),
                new LearningLink("transcript", year + "年学习档案（PDF）", "/learning/transcript/" + year + ".pdf"),
                new LearningLink("exams", "考试", "/learning/exams"),
                new LearningLink("classes", "培训班", "/learning/classes"),
                new LearningLink("points", "学习积分", "/learning/points"));
    }

    /** The member's standing for the year; {@code row} null when they have no study year (nothing studied). */
    LearningHoursStanding standing(YearRow row, Target t1, int year, LocalDate today) {
        BigDecimal target = row == null ? t1.hours() : row.target();
        BigDecimal pace = target.multiply(share(year, today)).setScale(1, RoundingMode.HALF_UP);
        if (row == null) {
            return new LearningHoursStanding(year, BigDecimal.ZERO.setScale(2), target, 0, t1.concentrated(),
                    target.signum() == 0 && t1.concentrated() == 0, pace);
        }
        return new LearningHoursStanding(year, row.hours(), target, row.concentrated(), row.needed(), row.met(), pace);
    }

    /** The share of the year gone by on {@code today}: the pace a member's 学时 are judged by (1 for a past year). */
    static BigDecimal share(int year, LocalDate today) {
        if (today.getYear() > year) {
            return BigDecimal.ONE;
        }
        if (today.getYear() < year) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(today.getDayOfYear()).divide(BigDecimal.valueOf(Year.of(year).length()), 4,
                RoundingMode.HALF_UP);
    }

    /**
     * An organization's members behind (its whole subtree) for a caller who manages it, keyset-paged by {@code after}
     * (the {@code next} of the previous page; null for the first).
     */
    public LearningBehindPage behind(DataScope scope, long orgId, String after, int size) {
        Organization org = organizations.getManaged(scope, orgId);
        if (size < 1 || size > 200) {
            throw InvalidInputException.of("size", "每页人数应在1至200之间");
        }
        String afterPath = null;
        Long afterId = null;
        if (after != null && !after.isBlank()) {
            Matcher c = CURSOR.matcher(after);
            if (!c.matches() || c.group(2).length() > 18) {
                throw InvalidInputException.of("after", "分页位置无效，请从第一页开始");
            }
            afterPath = c.group(1);
            afterId = Long.parseLong(c.group(2));
        }
        LocalDate today = today();
        int year = today.getYear();
        Behind behind = behind(org.path(), today, afterPath, afterId, size + 1);
        List<BehindRow> rows = behind.rows();
        boolean more = rows.size() > size;
        rows = more ? rows.subList(0, size) : rows;
        BehindRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new LearningBehindPage(org.id(), org.name(), org.hasChildren(), year, today,
                named(scope, new Behind(rows, behind.courses(), behind.t1()), today),
                more ? last.orgPath() + "~" + last.memberId() : null);
    }

    /** Members behind as read, with the overdue courses of the subtree they may miss and the year's T1 target. */
    record Behind(List<BehindRow> rows, Map<Long, LearningDueCourse> courses, Target t1) {
    }

    /** The rows behind in a subtree already checked against the caller's scope. */
    Behind behind(TreePath subtree, LocalDate today, String afterPath, Long afterId, int limit) {
        int year = today.getYear();
        Map<Long, LearningDueCourse> overdue = new LinkedHashMap<>();
        records.overdueFor(subtree, today, OVERDUE_COURSES).forEach(c -> overdue.put(c.courseId(), c));
        Target t1 = records.memberTarget(year);
        return new Behind(records.behind(subtree, year, t1.hours(), share(year, today), List.copyOf(overdue.keySet()),
                afterPath, afterId, limit), overdue, t1);
    }

    /** The rows as the lists show them: named, with the courses each misses. */
    List<LearningBehindMember> named(DataScope scope, Behind behind, LocalDate today) {
        if (behind.rows().isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new HashMap<>();
        membership.roll(scope, behind.rows().stream().map(BehindRow::memberId).toList(), today)
                .forEach((RollMember r) -> names.put(r.id(), r.name()));
        List<LearningBehindMember> items = new ArrayList<>();
        for (BehindRow r : behind.rows()) {
            List<LearningDueCourse> missing = r.missing().stream().map(behind.courses()::get).toList();
            items.add(new LearningBehindMember(r.memberId(), names.getOrDefault(r.memberId(), "（已离开名册）"),
                    r.orgId(), missing, standing(r.year(), behind.t1(), today.getYear(), today)));
        }
        return items;
    }

    /**
     * A committee's year, from the roll-up: itself and each child organization, with the completion of a chosen
     * required course addressed to it ({@code courseId} null: none; a course not addressed to it: 404).
     */
    public LearningRollup rollup(DataScope scope, long orgId, int year, Long courseId) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "年份应在2000至2100之间");
        }
        Organization org = organizations.getManaged(scope, orgId);
        List<Organization> children = organizations.children(scope, orgId, false);
        List<LearningRollup.RollupCourse> courses = records.requiredCoursesOf(org.path(), ROLLUP_COURSES);
        LearningRollup.RollupCourse course = null;
        if (courseId != null) {
            course = courses.stream().filter(c -> c.id() == courseId).findFirst()
                    .orElseThrow(() -> new NotFoundException("课程不存在或不是发给该组织的必修课"));
        }
        List<Organization> all = new ArrayList<>(List.of(org));
        all.addAll(children);
        List<String> metrics = new ArrayList<>(METRICS);
        if (course != null) {
            metrics.add(StudyMetrics.courseDone(course.id()));
        }
        YearMonth period = YearMonth.of(year, 1);
        Map<Long, Map<String, Long>> figures = new HashMap<>();
        for (MonthlyRollup.Row r : rollup.read(all.stream().map(Organization::id).toList(), metrics, period, period)) {
            figures.computeIfAbsent(r.orgId(), k -> new HashMap<>()).put(r.metric(), r.n());
        }
        Map<Long, Map<MemberStatus, Integer>> counts = members.statusCounts(scope, all);
        String done = course == null ? null : StudyMetrics.courseDone(course.id());
        Function<Organization, LearningRollupRow> row = o -> row(o,
                counts.getOrDefault(o.id(), Map.of()).values().stream().mapToLong(Integer::longValue).sum(),
                figures.getOrDefault(o.id(), Map.of()), done);
        return new LearningRollup(org.id(), org.name(), year, row.apply(org),
                children.stream().map(row).collect(Collectors.toList()), courses, course);
    }

    private static LearningRollupRow row(Organization o, long memberCount, Map<String, Long> f, String done) {
        BigDecimal hours = BigDecimal.valueOf(f.getOrDefault(StudyMetrics.HOURS_CENTI, 0L), 2);
        long met = f.getOrDefault(StudyMetrics.MEMBERS_MET, 0L);
        Long doneCount = done == null ? null : f.getOrDefault(done, 0L);
        return new LearningRollupRow(o.id(), o.name(), o.typeLabel(), o.hasChildren(), memberCount,
                f.getOrDefault(StudyMetrics.MEMBERS_STUDIED, 0L), hours,
                memberCount == 0 ? null : hours.divide(BigDecimal.valueOf(memberCount), 2, RoundingMode.HALF_UP),
                met, percent(met, memberCount), doneCount, doneCount == null ? null : percent(doneCount, memberCount));
    }

    /** n of total in percent, one decimal; null when total is 0. */
    static BigDecimal percent(long n, long total) {
        return total == 0 ? null : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(total), 1,
                RoundingMode.HALF_UP);
    }
}
