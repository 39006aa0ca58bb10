package cn.zhibu.organization.internal;

import cn.zhibu.organization.SeatPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code committee_seat_held} (V43): when each seat linked to a member was held, so rules that judge a year by the
 * months on a committee (T2) can read it after the seat is gone. Written in the committee change's transaction.
 */
@Repository
public class SeatHistoryRows {

    private final JdbcClient jdbc;

    SeatHistoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A seat linked to a member begins today. */
    public void began(long seatId, long memberId, long orgId, String position, LocalDate on) {
        jdbc.sql("""
                        insert into committee_seat_held (seat_id, member_id, org_id, position, held_from)
                        values (?, ?, ?, ?, ?) on conflict (seat_id) do nothing""")
                .params(seatId, memberId, orgId, position, on).update();
    }

    /** A seat ends (removed): the member it was linked to, if any. */
    public List<Long> ended(long seatId, LocalDate on) {
        return jdbc.sql("""
                        update committee_seat_held set held_to = greatest(held_from, ?)
                        where seat_id = ? and held_to is null returning member_id""")
                .params(on, seatId).query(Long.class).list();
    }

    /** Every open seat of the organization ends (a new term replaced the committee): their members. */
    public List<Long> endedAll(long orgId, LocalDate on) {
        return jdbc.sql("""
                        update committee_seat_held set held_to = greatest(held_from, ?)
                        where org_id = ? and held_to is null returning member_id""")
                .params(on, orgId).query(Long.class).list();
    }

    /** The member's seats that overlap the days from..to (inclusive), the earliest first. */
    public List<SeatPeriod> periods(long memberId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select h.org_id, o.name, h.position, h.held_from, h.held_to from committee_seat_held h
                        join organization o on o.id = h.org_id
                        where h.member_id = ? and h.held_from <= ? and (h.held_to is null or h.held_to > ?)
                          and (h.held_to is null or h.held_to > h.held_from)
                        order by h.held_from, h.seat_id""")
                .params(memberId, to, from)
                .query((rs, i) -> new SeatPeriod(rs.getLong("org_id"), rs.getString("name"), rs.getString("position"),
                        rs.getObject("held_from", LocalDate.class), rs.getObject("held_to", LocalDate.class)))
                .list();
    }
}
