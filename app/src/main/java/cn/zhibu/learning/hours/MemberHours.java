package cn.zhibu.learning.hours;

import cn.zhibu.learning.StudySource;
import cn.zhibu.learning.hours.internal.HoursReads;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's 学时 of a year against the target (RULES.md T1, T2), for the member and for who manages them; anyone
 * else is answered 404 as if the member did not exist.
 */
@Service
@Transactional(readOnly = true)
public class MemberHours {

    static final String NOT_FOUND = "党员不存在或不在您的管理范围内";

    private final MemberService members;
    private final HoursReads reads;
    private final StudyTargets targets;

    MemberHours(MemberService members, HoursReads reads, StudyTargets targets) {
        this.members = members;
        this.reads = reads;
        this.targets = targets;
    }

    /** The member {@code memberId} (null: the caller's own record) if the caller may see their 学时. */
    public Member member(DataScope scope, Long memberId) {
        Long id = memberId != null ? memberId : scope.selfMemberId();
        if (id == null) {
            throw new NotFoundException("您的账号没有关联党员档案，没有学时记录");
        }
        try {
            return members.get(scope, id);
        } catch (NotFoundException e) {
            throw new NotFoundException(NOT_FOUND);
        }
    }

    public HoursYear year(DataScope scope, Long memberId, int year) {
        checkYear(year);
        return of(member(scope, memberId), year);
    }

    /** The year of a member already found visible. */
    HoursYear of(Member m, int year) {
        List<CreditLine> credits = reads.credits(m.id(), year);
        List<SourceHours> bySource = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int concentrated = 0;
        for (StudySource s : StudySource.values()) {
            List<CreditLine> of = credits.stream().filter(c -> c.source() == s).toList();
            BigDecimal hours = of.stream().map(CreditLine::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
            bySource.add(new SourceHours(s, s.label(), hours, of.size()));
            total = total.add(hours);
        }
        concentrated = (int) credits.stream().filter(CreditLine::concentrated).count();
        YearTarget target = targets.of(m.id(), year);
        boolean met = total.compareTo(target.hours()) >= 0 && concentrated >= target.concentrated();
        BigDecimal left = target.hours().subtract(total).max(BigDecimal.ZERO);
        return new HoursYear(m.id(), m.name(), m.orgName(), year, total, bySource, credits, concentrated,
                target.hours(), target.concentrated(), target.basis(), target.source(), met, left,
                Math.max(0, target.concentrated() - concentrated));
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "年份应在2000至2100之间");
        }
    }
}
