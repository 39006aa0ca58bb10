package cn.zhibu.organization;

import cn.zhibu.organization.internal.SeatHistoryRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * When a member sat on a committee (any position, any organization), from the seat history the committee's changes
 * keep (V43). For rules on people, not a view of a committee: it reads no organization data beyond the member's own
 * seats, so it takes no scope; callers show it only to whom may see the member.
 */
@Service
@Transactional(readOnly = true)
public class CommitteeSeats {

    private final SeatHistoryRows rows;

    CommitteeSeats(SeatHistoryRows rows) {
        this.rows = rows;
    }

    /** The member's seats held on some day of the year, the earliest first. */
    public List<SeatPeriod> periodsIn(long memberId, int year) {
        return rows.periods(memberId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
