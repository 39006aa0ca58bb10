package cn.zhibu.platform.calendar;

import cn.zhibu.platform.CalendarDay;
import cn.zhibu.platform.CalendarDayKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The {@code calendar_day} table: only the exceptions to Monday–Friday, a few dozen rows a year. */
@Repository
public class CalendarDays {

    private final JdbcClient jdbc;

    CalendarDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CalendarDay> all() {
        return jdbc.sql("select day, kind, name from calendar_day order by day").query(CalendarDays::map).list();
    }

    public List<CalendarDay> between(LocalDate from, LocalDate toInclusive) {
        return jdbc.sql("select day, kind, name from calendar_day where day between ? and ? order by day")
                .params(from, toInclusive).query(CalendarDays::map).list();
    }

    /** The row, locked until the end of the transaction, so that two administrators' edits of a day queue. */
    public Optional<CalendarDay> findForUpdate(LocalDate day) {
        return jdbc.sql("select day, kind, name from calendar_day where day = ? for update").param(day)
                .query(CalendarDays::map).optional();
    }

    /** Inserts the day unless it exists; false when it already did. */
    public boolean insert(CalendarDay d) {
        return jdbc.sql("insert into calendar_day (day, kind, name) values (?, ?, ?) on conflict (day) do nothing")
                .params(d.day(), d.kind().name(), d.name()).update() == 1;
    }

    public void update(CalendarDay d) {
        jdbc.sql("update calendar_day set kind = ?, name = ? where day = ?").params(d.kind().name(), d.name(), d.day())
                .update();
    }

    public void delete(LocalDate day) {
        jdbc.sql("delete from calendar_day where day = ?").param(day).update();
    }

    private static CalendarDay map(ResultSet rs, int i) throws SQLException {
        return new CalendarDay(rs.getObject("day", LocalDate.class), CalendarDayKind.valueOf(rs.getString("kind")),
                rs.getString("name"));
    }
}
