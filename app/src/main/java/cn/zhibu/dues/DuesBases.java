package cn.zhibu.dues;

import cn.zhibu.dues.internal.BaseRows;
import cn.zhibu.dues.internal.BillAmounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members' bases (RULES.md F1, F1a, F3, F5 第十条), recorded by those who manage the member: the amount is computed by
 * {@link DuesRules} when recorded and fixed in the row; a correction is a new row; which row a month is billed on is
 * {@link ApplicableBase}'s rule.
 */
@Service
@Transactional(readOnly = true)
public class DuesBases {

    public static final int NOTE_LIMIT = 500;
    static final String ENTITY = "dues_base";
    private static final String NOT_FOUND = "党员不存在或不在您的管理范围内";

    private final BaseRows rows;
    private final BillAmounts amounts;
    private final MemberService members;
    private final DuesSettings settings;
    private final AuditLog audit;

    DuesBases(BaseRows rows, BillAmounts amounts, MemberService members, DuesSettings settings, AuditLog audit) {
        this.rows = rows;
        this.amounts = amounts;
        this.members = members;
        this.settings = settings;
        this.audit = audit;
    }

    /** The amount an entry gives, with its explanation, without saving anything (the form's live preview). */
    public Computed compute(BaseEntry entry) {
        FieldErrors errors = new FieldErrors();
        Computed computed = computeInto(entry, errors);
        errors.throwIfAny();
        return computed;
    }

    /** What the rules make of an entry: the base (null for fixed amounts), the rule's amount, what is due. */
    public record Computed(DuesAmount rule, BigDecimal base, BigDecimal amount, String explanation) {
    }

    /** Checks the entry, collecting every problem in {@code errors}; null when it cannot be computed. */
    public Computed computeInto(BaseEntry e, FieldErrors errors) {
        if (e == null || e.category() == null) {
            errors.reject("category", "请选择党员类别");
            return null;
        }
        if (e.effectiveMonth() == null) {
            errors.reject("effectiveMonth", "请填写基数适用的起始月份");
        } else if (e.effectiveMonth().getYear() < 2000 || e.effectiveMonth().isAfter(YearMonth.now().plusMonths(12))) {
            errors.reject("effectiveMonth", "起始月份应在2000年1月至12个月以后之间");
        }
        if (e.note() != null && e.note().strip().length() > NOTE_LIMIT) {
            errors.reject("note", "备注不能超过" + NOTE_LIMIT + "字");
        }
        if (e.category() == DuesCategory.HARDSHIP) {
            errors.reject("category", "生活困难党员的减免由支部提出、上级党委批准（第七条），请在“党费减免”中提出，"
                    + "并按其收入情况核定基数");
            return null;
        }
        try {
            BigDecimal base = e.base();
            boolean items = e.countedPay() != null || e.incomeTax() != null || e.socialInsurance() != null
                    || e.annuity() != null;
            if (items) {
                if (e.category() != DuesCategory.SALARIED) {
                    throw InvalidInputException.of("countedPay", "只有工资收入的党员按工资单各项计算基数");
                }
                if (base != null) {
                    throw InvalidInputException.of("base", "请只填写月基数或工资单各项之一");
                }
                base = DuesRules.baseOf(new BaseItems(e.countedPay(), e.incomeTax(), e.socialInsurance(), e.annuity()),
                        settings);
            } else if (!e.category().hasBase()) {
                base = null;
            }
            DuesAmount rule = DuesRules.monthly(e.category(), base, settings);
            BigDecimal amount = rule.amount();
            String explanation = rule.explanation();
            if (e.chosen() != null) {
                BigDecimal chosen = DuesRules.checkedMoney("chosen", e.chosen(), "本人自愿交纳的金额");
                if (chosen.compareTo(rule.amount()) < 0) {
                    throw InvalidInputException.of("chosen", "自愿多交的金额不能低于按规定计算的" + rule.amount().toPlainString() + "元");
                }
                amount = chosen;
                explanation += "；本人自愿每月交纳" + chosen.toPlainString() + "元";
            }
            if (amount.signum() == 0) {
                throw InvalidInputException.of(e.category().hasBase() ? "base" : "category",
                        "每月应交党费为0元：无收入的党员请选择“" + DuesCategory.UNEMPLOYED.label() + "”等类别，生活困难的请提出减免");
            }
            return new Computed(rule, base == null ? null : base.setScale(2), amount, explanation);
        } catch (InvalidInputException ex) {
            ex.fieldErrors().forEach(errors::reject);
            return null;
        }
    }

    /** Records a base of a member the caller manages (source FORM, API or IMPORT). */
    @Transactional
    public DuesBase record(DataScope scope, long memberId, BaseEntry entry, String source) {
        Member member = managed(scope, memberId);
        FieldErrors errors = new FieldErrors();
        Computed computed = computeInto(entry, errors);
        errors.throwIfAny();
        BaseEntry clean = new BaseEntry(entry.category(), entry.effectiveMonth(), entry.countedPay(),
                entry.incomeTax(), entry.socialInsurance(), entry.annuity(), entry.base(), entry.chosen(),
                entry.note() == null || entry.note().isBlank() ? null : entry.note().strip());
        long id = rows.insert(new BaseRows.NewBase(memberId, member.orgId(), clean, computed.base(),
                computed.rule().amount(), computed.amount(), source, scope.actorName()));
        DuesBase saved = rows.find(id).orElseThrow();
        audit.record(scope, DuesBaseAuditAction.BASE_RECORDED, ENTITY, id, member.orgPath(), null,
                snapshot(saved, member.name()));
        return saved;
    }

    /** A member's bases, the newest first. */
    public List<DuesBase> history(DataScope scope, long memberId) {
        managed(scope, memberId);
        return rows.history(memberId);
    }

    /** The base month {@code month} is billed on for a member the caller manages, by {@link ApplicableBase}. */
    public Optional<DuesBase> applicable(DataScope scope, long memberId, YearMonth month) {
        Member member = managed(scope, memberId);
        List<DuesBase> history = rows.history(memberId);
        YearMonth first = firstMonth(member);
        return ApplicableBase.of(history.stream().map(DuesBase::candidate).toList(), month, first,
                settings.amountMode()).flatMap(c -> history.stream().filter(b -> b.id() == c.id()).findFirst());
    }

    /** F5: the first month the member owes. */
    public YearMonth firstMonth(DataScope scope, long memberId) {
        return firstMonth(managed(scope, memberId));
    }

    private YearMonth firstMonth(Member member) {
        return amounts.firstMonth(member.id(), member.status() == cn.zhibu.member.MemberStatus.PROBATIONARY,
                member.joinedOn());
    }

    /** The newest base of each member (for a list), without a scope check: the caller lists members it manages. */
    public Map<Long, DuesBase> latestOf(Collection<Long> memberIds) {
        return rows.latest(memberIds);
    }

    Member managed(DataScope scope, long memberId) {
        Member member;
        try {
            member = members.get(scope, memberId);
        } catch (NotFoundException e) {
            throw new NotFoundException(NOT_FOUND);
        }
        if (!scope.managesMembersAt(member.orgPath())) {
            throw new NotFoundException(NOT_FOUND);
        }
        return member;
    }

    static Map<String, Object> snapshot(DuesBase b, String memberName) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("memberId", b.memberId());
        s.put("memberName", memberName);
        s.put("category", b.category().name());
        s.put("effectiveMonth", b.effectiveMonth().toString());
        s.put("countedPay", b.countedPay());
        s.put("incomeTax", b.incomeTax());
        s.put("socialInsurance", b.socialInsurance());
        s.put("annuity", b.annuity());
        s.put("base", b.base());
        s.put("computed", b.computed());
        s.put("chosen", b.chosen());
        s.put("amount", b.amount());
        s.put("source", b.source());
        s.put("note", b.note());
        return s;
    }
}
