package cn.zhibu.learning.points;

import cn.zhibu.learning.LearningSettings;
import cn.zhibu.learning.points.internal.PointsRecords;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
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
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.platform.TreePath;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 党员积分 (RULES.md L1). Every point is a ledger row with its reason; rows are never edited, a correction is a
 * reversing row. Category totals stay within the scheme's bounds — 基础分 (its maximum plus the deductions) never below
 * 0 nor above its maximum, 任务分 and 奖励分 at most theirs: a row that would cross a bound is applied only up to it
 * (its requested points kept beside the applied ones, so the reason stays readable).
 * <p>
 * Tasks earn by the scheme's rules (course completed, required course, exam passed, daily quiz with its caps, class
 * completed), each source once (a source reversed and earned again is its next occurrence). The secretary deducts
 * 基础分 and gives 奖励分 to members of their subtree, with a reason, audited. A member reads their own ledger; a
 * manager those of their subtree; anyone else gets 404.
 */
@Service
@Transactional(readOnly = true)
public class PointsService {

    /** The source kind of the secretary's own entries. */
    public static final String MANUAL = "MANUAL";
    static final String REVERSAL = "REVERSAL";
    public static final int REASON_LIMIT = 500;
    private static final String NOT_FOUND = "党员不存在或不在您的管理范围内";

    private final PointsRecords records;
    private final MemberService members;
    private final MembershipService membership;
    private final OrganizationService organizations;
    private final LearningSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    PointsService(PointsRecords records, MemberService members, MembershipService membership,
                  OrganizationService organizations, LearningSettings settings, AuditLog audit, Clock clock) {
        this.records = records;
        this.members = members;
        this.membership = membership;
        this.organizations = organizations;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return clock.instant().atZone(PlatformClock.ZONE).toLocalDate();
    }

    // ---- tasks (from events, in the publishing transaction) ------------------------------------------------------

    /**
     * Grants an action's points for one source to a member of the registry (once per source while not reversed),
     * within the rule's day and year caps and the category's bound. Returns the entry, or empty when the scheme
     * gives nothing for it or it was granted already.
     */
    @Transactional
    public Optional<PointsEntry> grant(long memberId, PointsAction action, long sourceId, String reason, LocalDate on) {
        Optional<PointsRecords.Placement> at = records.placement(memberId);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        records.lockMember(memberId);
        PointsScheme scheme = records.scheme(new TreePath(at.get().orgPath()), on.getYear());
        PointsRule rule = scheme.rules().get(action);
        if (rule == null || rule.points() == 0) {
            return Optional.empty();
        }
        Optional<PointsEntry> last = records.latestOfSource(memberId, action.name(), sourceId);
        if (last.isPresent() && !last.get().reversed()) {
            return Optional.empty();
        }
        int requested = rule.points();
        int allowed = requested;
        if (rule.dayCap() != null) {
            allowed = Math.min(allowed, rule.dayCap() - records.earned(memberId, action.name(), on, on));
        }
        if (rule.yearCap() != null) {
            allowed = Math.min(allowed, rule.yearCap() - records.earned(memberId, action.name(),
                    on.withDayOfYear(1), on.withDayOfYear(on.lengthOfYear())));
        }
        allowed = Math.max(0, allowed);
        String why = action.label() + "：" + reason + (allowed < requested ? "（已达" + action.label() + "每日或全年上限）" : "");
        PointsEntry e = write(memberId, at.get(), scheme, rule.category(), requested, allowed, why, action.name(),
                sourceId, last.map(l -> l.occurrence() + 1).orElse(1), null, on, "系统");
        return Optional.of(e);
    }

    /** Takes back what a source earned (a class no longer completed): a reversing row; nothing when nothing stands. */
    @Transactional
    public Optional<PointsEntry> revoke(long memberId, PointsAction action, long sourceId, String reason) {
        Optional<PointsEntry> last = records.latestOfSource(memberId, action.name(), sourceId);
        if (last.isEmpty() || last.get().reversed()) {
            return Optional.empty();
        }
        records.lockMember(memberId);
        return Optional.of(reverseRow(last.get(), reason, "系统"));
    }

    // ---- the secretary's deductions and rewards ------------------------------------------------------------------

    /** Deducts 基础分 (1 to the scheme's maximum) from a member of the caller's subtree, with the reason. */
    @Transactional
    public PointsEntry deduct(DataScope scope, long memberId, Integer points, String reason) {
        return manual(scope, memberId, PointsCategory.BASE, points, reason, PointsAuditAction.DEDUCTED);
    }

    /** Gives 奖励分 (1 to the scheme's maximum) to a member of the caller's subtree, with the reason. */
    @Transactional
    public PointsEntry reward(DataScope scope, long memberId, Integer points, String reason) {
        return manual(scope, memberId, PointsCategory.REWARD, points, reason, PointsAuditAction.REWARDED);
    }

    private PointsEntry manual(DataScope scope, long memberId, PointsCategory category, Integer points, String reason,
                               PointsAuditAction action) {
        Member m = managedMember(scope, memberId);
        PointsRecords.Placement at = records.placement(memberId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        LocalDate on = today();
        PointsScheme scheme = records.scheme(new TreePath(at.orgPath()), on.getYear());
        int max = scheme.max(category);
        FieldErrors errors = new FieldErrors();
        if (points == null) {
            errors.reject("points", "请填写分值");
        } else if (points < 1 || points > max) {
            errors.reject("points", "分值应为1至" + max + "分（" + category.label() + "满分" + max + "分）");
        }
        String why = reason(errors, reason);
        errors.throwIfAny();
        records.lockMember(memberId);
        int requested = category == PointsCategory.BASE ? -points : points;
        PointsEntry e = write(memberId, at, scheme, category, requested, requested, why, MANUAL, 0, 1, null, on,
                scope.actorName());
        audit.record(scope, action, "points_entry", e.id(), at.orgPath(), null, snapshot(m.name(), e));
        return e;
    }

    /** Reverses one of the secretary's entries (a mistaken deduction or reward), with the reason. */
    @Transactional
    public PointsEntry reverse(DataScope scope, long entryId, String reason) {
        PointsEntry e = records.entry(entryId).orElseThrow(() -> new NotFoundException("积分记录不存在或不在您的管理范围内"));
        Member m = managedMember(scope, e.memberId());
        FieldErrors errors = new FieldErrors();
        String why = reason(errors, reason);
        errors.throwIfAny();
        if (!e.manual()) {
            throw InvalidInputException.of("", "只能冲正手工扣分或奖励；任务分随其来源（课程、考试、培训班）自动调整");
        }
        records.lockMember(e.memberId());
        if (records.entry(entryId).orElseThrow().reversed()) {
            throw InvalidInputException.of("", "该记录已经冲正");
        }
        PointsEntry r = reverseRow(e, why, scope.actorName());
        audit.record(scope, PointsAuditAction.REVERSED, "points_entry", r.id(),
                records.placement(e.memberId()).map(PointsRecords.Placement::orgPath).orElse(m.orgPath()), null,
                snapshot(m.name(), r));
        return r;
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** The caller's own year of points. */
    public PointsYear mine(DataScope scope, int year) {
        Long self = scope.selfMemberId();
        if (self == null) {
            throw new NotFoundException("您的账号没有关联党员档案，没有积分记录");
        }
        return year(self, null, checkYear(year));
    }

    /** A member's year of points, for a manager of their organization (or the member themselves); else 404. */
    public PointsYear of(DataScope scope, long memberId, int year) {
        if (scope.selfMemberId() != null && scope.selfMemberId() == memberId) {
            return mine(scope, year);
        }
        Member m = managedMember(scope, memberId);
        return year(memberId, m.name(), checkYear(year));
    }

    private PointsYear year(long memberId, String name, int year) {
        PointsRecords.Placement at = records.placement(memberId).orElse(null);
        PointsScheme scheme = at == null ? null : records.scheme(new TreePath(at.orgPath()), year);
        Map<PointsCategory, Integer> sums = records.sums(memberId, year);
        int baseMax = scheme == null ? 0 : scheme.baseMax();
        return new PointsYear(memberId, name, year, baseMax + sums.get(PointsCategory.BASE),
                sums.get(PointsCategory.TASK), sums.get(PointsCategory.REWARD), scheme, records.entries(memberId, year));
    }

    /**
     * The ranking of an organization's members by total (only when leaderboards are turned on:
     * {@code zhibu.learning.leaderboards}); for its managers and its own members.
     */
    public List<PointsStanding> leaderboard(DataScope scope, long orgId, int year) {
        if (!settings.leaderboards()) {
            throw new ForbiddenException(LEADERBOARDS_OFF);
        }
        Organization org = organizations.get(scope, orgId);
        boolean own = scope.selfOrgPath() != null && scope.selfOrgPath().equals(org.path());
        if (!scope.managesMembersAt(org.path().value()) && !own) {
            throw new NotFoundException("党组织不存在或不在您的查看范围内");
        }
        DataScope reader = own && !scope.managesMembersAt(org.path().value()) ? DataScope.system("积分排行") : scope;
        List<RollMember> roll = membership.roll(reader, orgId, today());
        Map<Long, Map<PointsCategory, Integer>> sums = records.sums(roll.stream().map(RollMember::id).toList(),
                checkYear(year));
        List<PointsStanding> lines = new ArrayList<>();
        for (RollMember m : roll) {
            Map<PointsCategory, Integer> s = sums.getOrDefault(m.id(), Map.of());
            PointsScheme scheme = records.scheme(org.path(), year);
            lines.add(new PointsStanding(0, m.id(), m.name(), scheme.baseMax() + s.getOrDefault(PointsCategory.BASE, 0)
                    + s.getOrDefault(PointsCategory.TASK, 0) + s.getOrDefault(PointsCategory.REWARD, 0)));
        }
        lines.sort(Comparator.comparingInt(PointsStanding::total).reversed().thenComparing(PointsStanding::memberName));
        List<PointsStanding> ranked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PointsStanding l = lines.get(i);
            int rank = i > 0 && ranked.get(i - 1).total() == l.total() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new PointsStanding(rank, l.memberId(), l.memberName(), l.total()));
        }
        return ranked;
    }

    public static final String LEADERBOARDS_OFF = "积分排行榜未开启：按照整治“指尖上的形式主义”的要求，本平台默认不对党员排名；"
            + "如本单位确需开启，请由管理员设置 zhibu.learning.leaderboards=true";

    public boolean leaderboardsOn() {
        return settings.leaderboards();
    }

    /** The scheme of the caller's year (for the page's explanation). */
    public PointsScheme schemeFor(String orgPath, int year) {
        return records.scheme(new TreePath(orgPath), year);
    }

    // ---- the ledger ----------------------------------------------------------------------------------------------

    /** Writes one row, applying only what keeps the category within its bounds (the member's lock is held). */
    private PointsEntry write(long memberId, PointsRecords.Placement at, PointsScheme scheme, PointsCategory category,
                              int requested, int allowed, String reason, String kind, long sourceId, int occurrence,
                              Long reverses, LocalDate on, String by) {
        int year = on.getYear();
        int sum = records.sums(memberId, year).get(category);
        int current = category == PointsCategory.BASE ? scheme.baseMax() + sum : sum;
        int target = Math.max(0, Math.min(scheme.max(category), current + allowed));
        int applied = target - current;
        if (allowed > 0 && applied < allowed || allowed < 0 && applied > allowed) {
            reason = reason + "（" + category.label() + (allowed > 0 ? "已达上限" + scheme.max(category) : "已扣至0")
                    + "分，计" + applied + "分）";
        }
        long id = records.nextId();
        records.insert(id, memberId, at, year, category, requested, applied, clip(reason), kind,
                MANUAL.equals(kind) ? id : sourceId, occurrence, reverses, on, by);
        return records.entry(id).orElseThrow();
    }

    private PointsEntry reverseRow(PointsEntry e, String reason, String by) {
        long id = records.nextId();
        records.insertReversal(id, e.id(), clip("冲正：" + reason), today(), by);
        return records.entry(id).orElseThrow();
    }

    private Member managedMember(DataScope scope, long memberId) {
        Member m;
        try {
            m = members.get(scope, memberId);
        } catch (NotFoundException | ForbiddenException e) {
            throw new NotFoundException(NOT_FOUND);
        }
        if (!scope.managesMembersAt(m.orgPath())) {
            throw new NotFoundException(NOT_FOUND);
        }
        return m;
    }

    private int checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "年度应在2000至2100之间");
        }
        return year;
    }

    private static String reason(FieldErrors errors, String reason) {
        if (reason == null || reason.isBlank()) {
            errors.reject("reason", "请填写理由");
            return null;
        }
        String r = reason.strip();
        if (r.codePointCount(0, r.length()) > REASON_LIMIT) {
            errors.reject("reason", "理由不能超过" + REASON_LIMIT + "字");
        }
        return r;
    }

    private static String clip(String reason) {
        return reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT - 1) + "…" : reason;
    }

    private static Map<String, Object> snapshot(String memberName, PointsEntry e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("memberId", e.memberId());
        s.put("memberName", memberName);
        s.put("year", e.year());
        s.put("category", e.category().label());
        s.put("requested", e.requested());
        s.put("points", e.points());
        s.put("reason", e.reason());
        if (e.reverses() != null) {
            s.put("reverses", e.reverses());
        }
        return s;
    }
}
