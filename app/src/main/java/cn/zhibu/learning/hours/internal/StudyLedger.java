package cn.zhibu.learning.hours.internal;

import cn.zhibu.learning.StudyCredit;
import cn.zhibu.learning.StudyHours;
import cn.zhibu.learning.StudyMetrics;
import cn.zhibu.learning.StudySource;
import cn.zhibu.learning.hours.StudyTargets;
import cn.zhibu.learning.hours.YearTarget;
import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.TreePath;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The one writer of {@code study_credit}, {@code study_year} and {@code study_rollup} (RULES.md T1, T2): each change
 * locks the member's year, replaces the source's row, sums the year again from its credits, judges it against its
 * target and appends the roll-up's deltas (学时 × 100, members who studied, members who met the target, completions
 * per course) at every organization on the year's path, all in the caller's transaction.
 */
@Service
@Transactional
public class StudyLedger implements StudyHours {

    private final StudyYearRows rows;
    private final StudyTargets targets;
    private final MonthlyRollup rollup;

    StudyLedger(StudyYearRows rows, StudyTargets targets, StudyRollup rollup) {
        this.rows = rows;
        this.targets = targets;
        this.rollup = rollup.rollup();
    }

    @Override
    public void credit(StudyCredit credit) {
        int year = credit.creditedOn().getYear();
        YearTarget target = targets.of(credit.memberId(), year);
        rows.create(credit.memberId(), year, target.hours(), target.concentrated());
        StudyYearRows.YearRow y = rows.lock(credit.memberId(), year)
                .orElseThrow(() -> new IllegalArgumentException("没有该党员：" + credit.memberId()));
        var old = rows.credit(credit.memberId(), credit.source(), credit.sourceId());
        MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
        if (old.isPresent() && old.get().year() != year) {
            // the credit moved to another study year: it leaves the old one first
            withdraw(credit.memberId(), credit.source(), credit.sourceId());
            old = java.util.Optional.empty();
        }
        rows.upsertCredit(y, credit.source(), credit.sourceId(), credit.label(), credit.hours(),
                credit.creditedOn(), credit.concentrated());
        if (credit.source() == StudySource.COURSE && old.isEmpty()) {
            delta.add(ancestors(y), StudyMetrics.courseDone(credit.sourceId()), period(year), 1);
        }
        judge(y, target, delta);
        rollup.apply(delta);
    }

    @Override
    public void withdraw(long memberId, StudySource source, long sourceId) {
        var old = rows.deleteCredit(memberId, source, sourceId);
        if (old.isEmpty()) {
            return;
        }
        int year = old.get().year();
        StudyYearRows.YearRow y = rows.lock(memberId, year).orElseThrow();
        MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
        if (source == StudySource.COURSE) {
            delta.add(ancestors(y), StudyMetrics.courseDone(sourceId), period(year), -1);
        }
        judge(y, targets.of(memberId, year), delta);
        rollup.apply(delta);
    }

    /**
     * The member's target may have changed (a seat filled or vacated): the year is judged again; a member who studied
     * nothing that year has no row and nothing to judge.
     */
    public void rejudge(long memberId, int year) {
        rows.lock(memberId, year).ifPresent(y -> {
            MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
            judge(y, targets.of(memberId, year), delta);
            rollup.apply(delta);
        });
    }

    /** Sums the locked year again, judges it against the target and adds what changed to the roll-up delta. */
    private void judge(StudyYearRows.YearRow y, YearTarget target, MonthlyRollup.Delta delta) {
        StudyYearRows.Sums sums = rows.sums(y.memberId(), y.year());
        // T1/T2: 学时 at least the target, and (T2) at least the concentrated trainings asked
        boolean met = sums.hours().compareTo(target.hours()) >= 0 && sums.concentrated() >= target.concentrated();
        rows.update(y.memberId(), y.year(), sums, target.hours(), target.concentrated(), met);
        List<Long> orgs = ancestors(y);
        YearMonth period = period(y.year());
        long centi = sums.hours().subtract(y.hours()).movePointRight(2).longValueExact();
        delta.add(orgs, StudyMetrics.HOURS_CENTI, period, centi);
        delta.add(orgs, StudyMetrics.MEMBERS_STUDIED, period, studied(sums.hours()) - studied(y.hours()));
        delta.add(orgs, StudyMetrics.MEMBERS_MET, period, (met ? 1 : 0) - (y.met() ? 1 : 0));
    }

    private static int studied(BigDecimal hours) {
        return hours.signum() > 0 ? 1 : 0;
    }

    private static List<Long> ancestors(StudyYearRows.YearRow y) {
        return new TreePath(y.orgPath()).ids();
    }

    private static YearMonth period(int year) {
        return YearMonth.of(year, 1);
    }
}
