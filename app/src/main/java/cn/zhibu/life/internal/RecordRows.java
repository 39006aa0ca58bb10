package cn.zhibu.life.internal;

import cn.zhibu.life.Minutes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** The minutes, chair, minutes-taker ({@code life_record}) and resolutions ({@code life_resolution}) of a meeting. */
@Repository
public class RecordRows {

    private final JdbcClient jdbc;

    RecordRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The record as stored (the minutes as they were sanitised when saved). */
    public Optional<Minutes> find(long meetingId) {
        return jdbc.sql("select minutes, chair, minutes_taker, saved_by, saved_at from life_record where meeting_id = ?")
                .param(meetingId)
                .query((rs, i) -> new Minutes(rs.getString("minutes"), resolutions(meetingId), rs.getString("chair"),
                        rs.getString("minutes_taker"), rs.getString("saved_by"),
                        rs.getObject("saved_at", Timestamp.class).toInstant()))
                .optional();
    }

    public void save(long meetingId, String minutes, List<String> resolutions, String chair, String minutesTaker,
                     String by) {
        jdbc.sql("""
                        insert into life_record (meeting_id, minutes, chair, minutes_taker, saved_by)
                        values (?, ?, ?, ?, ?)
                        on conflict (meeting_id) do update set minutes = excluded.minutes, chair = excluded.chair,
                          minutes_taker = excluded.minutes_taker, saved_by = excluded.saved_by, saved_at = now()""")
                .params(meetingId, minutes, chair, minutesTaker, by).update();
        jdbc.sql("delete from life_resolution where meeting_id = ?").param(meetingId).update();
        for (int i = 0; i < resolutions.size(); i++) {
            jdbc.sql("insert into life_resolution (meeting_id, position, text) values (?, ?, ?)")
                    .params(meetingId, i + 1, resolutions.get(i)).update();
        }
    }

    private List<String> resolutions(long meetingId) {
        return jdbc.sql("select text from life_resolution where meeting_id = ? order by position").param(meetingId)
                .query(String.class).list();
    }
}
