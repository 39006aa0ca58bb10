package cn.zhibu.dues;

import cn.zhibu.dues.internal.ArrearsCounter;
import cn.zhibu.dues.internal.ArrearsRollup;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.RollMember;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.SubtreeRewrite;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * F8 (中组发〔2008〕3号 第十三条): members' runs of consecutive unpaid months, read from the fact the writers keep
 * ({@code dues_arrears}, its roll-up), and the justifications a secretary records for a month (住院、失联查找中 …),
 * which break a run.
 */
@Service
public class DuesArrears {

    private static final String NOT_FOUND = "党员不存在或不在您的管理范围内";
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,4})-(\\d{1,18})");

    private final JdbcClient jdbc;
    private final ArrearsCounter counter;
    private final ArrearsRollup rollup;
    private final MemberService members;
    private final MembershipService membership;
    private final OrganizationService organizations;
    private final AuditLog audit;
    private final DuesSettings settings;

    DuesArrears(JdbcClient jdbc, ArrearsCounter counter, ArrearsRollup rollup, MemberService members,
                MembershipService membership, OrganizationService organizations, AuditLog audit,
                DuesSettings settings) {
        this.jdbc = jdbc;
        this.counter = counter;
        this.rollup = rollup;
        this.members = members;
        this.membership = membership;
        this.organizations = organizations;
        this.audit = audit;
        this.settings = settings;
    }

    /** The member's run as the fact holds it (no scope: for the registry's R6 check and the caller's own checks). */
    public ArrearsRun run(long memberId) {
        return jdbc.sql("select months, since, until from dues_arrears where member_id = ?").param(memberId)
                .query((rs, i) -> runOf(memberId, rs.getInt("months"), YearMonth.from(rs.getObject("since", LocalDate.class)),
                        YearMonth.from(rs.getObject("until", LocalDate.class))))
                .optional().orElseGet(() -> runOf(memberId, 0, null, null));
    }

    /** The run of a member the caller manages, or their own; else 404. */
    public ArrearsRun run(DataScope scope, long memberId) {
        members.get(scope, memberId);
        return run(memberId);
    }

    private ArrearsRun runOf(long memberId, int months, YearMonth since, YearMonth until) {
        ArrearsStage stage = ArrearsStage.of(months, settings);
        String text = switch (stage) {
            case NONE -> months == 0 ? "没有连续未交党费的月份" : "已连续" + months + "个月未交纳党费（" + since + "起）";
            case REMIND -> "已连续" + months + "个月未交纳党费（" + since + "起），请及时提醒";
            case URGE -> "已连续" + months + "个月未交纳党费（" + since + "起），请督促交纳，满" + settings.removalMonths()
                    + "个月且无正当理由的，按自行脱党处理（中组发〔2008〕3号 第十三条）";
            case REMOVAL -> "连续" + months + "个月不交纳党费（" + since + "起），可按第三十一条处置：无正当理由的，"
                    + "按自行脱党处理，支部大会讨论除名并报上级党组织批准（中组发〔2008〕3号 第十三条；《党员教育管理工作条例》第三十一条）";
        };
        return new ArrearsRun(memberId, months, since, until, stage, text);
    }

    /**
     * Records why a month unpaid is justified (F8: 有正当理由), which breaks the member's run; replaces an earlier
     * reason for the month. Only an OPEN bill of a member the caller manages.
     */
    @Transactional
    public ArrearsRun justify(DataScope scope, long memberId, YearMonth month, String reason) {
        Member member = members.get(scope, memberId);
        if (!scope.managesMembersAt(member.orgPath())) {
            throw new NotFoundException(NOT_FOUND);
        }
        FieldErrors errors = new FieldErrors();
        if (month == null) {
            errors.reject("month", "请选择月份");
        }
        if (reason == null || reason.isBlank()) {
            errors.reject("reason", "请填写未交党费的正当理由（如住院治疗、失联查找中）");
        }
        errors.throwIfAny();
        Optional<String> before = jdbc.sql("select coalesce(justified, '') from dues_bill where member_id = ? and month = ?"
                        + " and status = 'OPEN' for update")
                .params(memberId, month.atDay(1)).query(String.class).optional();
        if (before.isEmpty()) {
            throw InvalidInputException.of("month", month + "没有未交的党费账单，无需说明理由");
        }
        String text = reason.strip();
        jdbc.sql("update dues_bill set justified = ? where member_id = ? and month = ?")
                .params(text, memberId, month.atDay(1)).update();
        counter.recountMember(memberId);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("name", member.name());
        was.put("month", month.toString());
        was.put("reason", before.get().isEmpty() ? null : before.get());
        Map<String, Object> now = new LinkedHashMap<>(was);
        now.put("reason", text);
        audit.record(scope, DuesViewsAuditAction.MONTH_JUSTIFIED, "dues_justification", memberId, member.orgPath(),
                was, now);
        return run(memberId);
    }

    /** The counts at 3 / 5 / 6+ months of an organization's subtree the caller manages. */
    public ArrearsCounts counts(DataScope scope, long orgId) {
        organizations.getManaged(scope, orgId);
        return counts(List.of(orgId)).get(orgId);
    }

    /** The same for organizations already checked against the caller's scope. */
    public Map<Long, ArrearsCounts> counts(List<Long> orgIds) {
        Map<Long, ArrearsCounts> result = new LinkedHashMap<>();
        rollup.byLength(orgIds).forEach((orgId, byLength) -> result.put(orgId, new ArrearsCounts(orgId,
                settings.remindMonths(), ArrearsRollup.atLeast(byLength, settings.remindMonths()),
                settings.urgeMonths(), ArrearsRollup.atLeast(byLength, settings.urgeMonths()),
                settings.removalMonths(), ArrearsRollup.atLeast(byLength, settings.removalMonths()))));
        return result;
    }

    /**
     * The members of a subtree with runs of at least {@code minMonths}, longest first, keyset-paged: {@code after} is
     * the {@code next} of the previous page (null for the first).
     */
    public ArrearsPage page(DataScope scope, long orgId, int minMonths, String after, int size) {
        Organization org = organizations.getManaged(scope, orgId);
        if (minMonths < 1 || minMonths > 120) {
            throw InvalidInputException.of("min", "欠缴月数应在1至120之间");
        }
        Paging paging = Paging.of(0, size);
        Map<String, Object> params = DataScope.params();
        String scoped = scope.memberScopeSql("o.path", params);
        params.put("lo", org.path().value());
        params.put("hi", org.path().upperBound());
        params.put("min", minMonths);
        params.put("limit", paging.size() + 1);
        String keyset = "";
        if (after != null && !after.isBlank()) {
            Matcher m = CURSOR.matcher(after);
            if (!m.matches()) {
                throw InvalidInputException.of("after", "分页位置无效，请从第一页开始");
            }
            keyset = " and (months, member_id) < (:afterMonths, :afterId)";
            params.put("afterMonths", Integer.parseInt(m.group(1)));
            params.put("afterId", Long.parseLong(m.group(2)));
        }
        record Row(long memberId, long orgId, int months, YearMonth since, YearMonth until) {
        }
        List<Row> rows = jdbc.sql("select member_id, org_id, months, since, until from dues_arrears"
                        + " where " + SubtreeRewrite.orgIdIn("org_id", "lo", "hi", scoped) + " and months >= :min" + keyset
                        + " order by months desc, member_id desc limit :limit")
                .params(params)
                .query((rs, i) -> new Row(rs.getLong("member_id"), rs.getLong("org_id"), rs.getInt("months"),
                        YearMonth.from(rs.getObject("since", LocalDate.class)),
                        YearMonth.from(rs.getObject("until", LocalDate.class))))
                .list();
        boolean more = rows.size() > paging.size();
        List<Row> shown = more ? rows.subList(0, paging.size()) : rows;
        Map<Long, RollMember> names = membership.roll(scope, shown.stream().map(Row::memberId).toList(),
                LocalDate.now()).stream().collect(Collectors.toMap(RollMember::id, Function.identity()));
        Map<Long, String> orgNames = new HashMap<>();
        List<ArrearsMember> items = new ArrayList<>();
        for (Row r : shown) {
            RollMember who = names.get(r.memberId());
            items.add(new ArrearsMember(r.memberId(), who == null ? "（已离开名册）" : who.name(), r.orgId(),
                    orgNames.computeIfAbsent(r.orgId(), id -> organizations.describe(id).name()), r.months(),
                    r.since(), r.until(), ArrearsStage.of(r.months(), settings)));
        }
        Row last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = more ? last.months() + "-" + last.memberId() : null;
        long total = ArrearsRollup.atLeast(rollup.byLength(List.of(orgId)).get(orgId), minMonths);
        return new ArrearsPage(items, next, total, minMonths);
    }
}
