package cn.zhibu.learning.hours;

import cn.zhibu.learning.LearningSettings;
import cn.zhibu.learning.hours.internal.TargetRows;
import cn.zhibu.organization.CommitteeSeats;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The target of a member's study year (RULES.md T1, T2): the {@code study_target} rows of the plan period containing
 * 1 January of the year, applied to the member's seats on committees by the configured {@code RoleChangeRule}.
 */
@Service
@Transactional(readOnly = true)
public class StudyTargets {

    private final TargetRows rows;
    private final CommitteeSeats seats;
    private final LearningSettings settings;
    private final Clock clock;

    StudyTargets(TargetRows rows, CommitteeSeats seats, LearningSettings settings, Clock clock) {
        this.rows = rows;
        this.seats = seats;
        this.settings = settings;
        this.clock = clock;
    }

    public YearTarget of(long memberId, int year) {
        TargetRows.Plan plan = rows.plan(year);
        return TargetRule.of(year, plan.member(), plan.leader(), settings.roleChangeRule(),
                seats.periodsIn(memberId, year), LocalDate.now(clock));
    }
}
