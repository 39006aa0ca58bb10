package cn.zhibu.life.internal;

import cn.zhibu.life.RecordCorrection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The corrections of confirmed records ({@code life_record_amendment}) and their changes, field by field. */
@Repository
public class CorrectionRows {

    /** The field of a change that holds the minutes' HTML. */
    public static final String MINUTES = "minutes";

    private final JdbcClient jdbc;

    CorrectionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long meetingId, List<RecordCorrection.CorrectedField> changes, String reason, String by) {
        long id = jdbc.sql("""
                        insert into life_record_amendment (meeting_id, reason, amended_by) values (?, ?, ?)
                        returning id""")
                .params(meetingId, reason, by).query(Long.class).single();
        for (int i = 0; i < changes.size(); i++) {
            RecordCorrection.CorrectedField c = changes.get(i);
            jdbc.sql("""
                            insert into life_record_change (amendment_id, position, field, label, before_value,
                              after_value) values (?, ?, ?, ?, ?, ?)""")
                    .params(id, i + 1, c.field(), c.label(), c.before(), c.after()).update();
        }
        return id;
    }

    /** The corrections of a meeting's record, oldest first. */
    public List<RecordCorrection> of(long meetingId) {
        Map<Long, List<RecordCorrection.CorrectedField>> changes = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.amendment_id, c.field, c.label, c.before_value, c.after_value
                        from life_record_change c join life_record_amendment a on a.id = c.amendment_id
                        where a.meeting_id = ? order by c.amendment_id, c.position""")
                .param(meetingId)
                .query((rs, i) -> changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(change(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))))
                .list();
        return jdbc.sql("""
                        select id, reason, amended_by, amended_at from life_record_amendment where meeting_id = ?
                        order by id""")
                .param(meetingId)
                .query((rs, i) -> new RecordCorrection(rs.getLong("id"), meetingId,
                        changes.getOrDefault(rs.getLong("id"), List.of()), rs.getString("reason"),
                        rs.getString("amended_by"), rs.getObject("amended_at", Timestamp.class).toInstant()))
                .list();
    }

    public int count(long meetingId) {
        return jdbc.sql("select count(*) from life_record_amendment where meeting_id = ?").param(meetingId)
                .query(Integer.class).single();
    }

    /** A change as read; the minutes' HTML sanitised again, since the history shows it as HTML. */
    private static RecordCorrection.CorrectedField change(String field, String label, String before, String after) {
        if (MINUTES.equals(field)) {
            return new RecordCorrection.CorrectedField(field, label, before == null ? null : MinutesHtml.sanitize(before),
                    after == null ? null : MinutesHtml.sanitize(after));
        }
        return new RecordCorrection.CorrectedField(field, label, before, after);
    }
}
