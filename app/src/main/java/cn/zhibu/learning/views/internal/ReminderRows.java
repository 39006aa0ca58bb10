package cn.zhibu.learning.views.internal;

import cn.zhibu.learning.views.LearningReminderNote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** The table {@code learning_reminder} (V46): one row a day per member and subject, which is the rate limit. */
@Component
public class ReminderRows {

    private final JdbcClient jdbc;

    ReminderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a reminder unless one of the same subject went to the member that day; whether it was recorded. */
    public boolean insert(long memberId, String subject, LocalDate day, String orgPath, String message, String link,
                          String sentBy) {
        return jdbc.sql("""
                        insert into learning_reminder (member_id, subject, sent_on, org_path, message, link, sent_by)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(memberId, subject, day, orgPath, message, link, sentBy).update() == 1;
    }

    /** The member's reminders sent on or after {@code since}, newest first. */
    public List<LearningReminderNote> since(long memberId, LocalDate since, int limit) {
        return jdbc.sql("""
                        select subject, message, link, sent_on, sent_by from learning_reminder
                        where member_id = ? and sent_on >= ? order by sent_on desc, sent_at desc limit ?""")
                .params(memberId, since, limit)
                .query((rs, i) -> new LearningReminderNote(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).list();
    }
}
