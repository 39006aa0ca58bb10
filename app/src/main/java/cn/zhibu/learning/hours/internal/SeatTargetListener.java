package cn.zhibu.learning.hours.internal;

import cn.zhibu.organization.CommitteeSeatsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A seat filled or vacated changes the member's target this year (T2 and the role-change rule): judged again in the
 * committee change's transaction, so {@code met} and MEMBERS_MET stay exact.
 */
@Component
class SeatTargetListener {

    private final StudyLedger ledger;
    private final Clock clock;

    SeatTargetListener(StudyLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener
    void on(CommitteeSeatsChanged changed) {
        int year = LocalDate.now(clock).getYear();
        changed.memberIds().stream().sorted().forEach(memberId -> ledger.rejudge(memberId, year));
    }
}
