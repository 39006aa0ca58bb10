package cn.zhibu.support;

import cn.zhibu.learning.StudyCredit;
import cn.zhibu.learning.StudySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/** What {@code study_credit} holds for one member and source, as tests check it. */
@Component
public class StudyCreditRows {

    private final JdbcClient jdbc;

    StudyCreditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StudyCredit> credited(long memberId, StudySource source, long sourceId) {
        return jdbc.sql("""
                        select label, hours, credited_on, concentrated from study_credit
                        where member_id = ? and source = ? and source_id = ?""")
                .params(memberId, source.name(), sourceId)
                .query((rs, i) -> new StudyCredit(memberId, source, sourceId, rs.getString("label"),
                        rs.getBigDecimal("hours"), rs.getObject("credited_on", LocalDate.class),
                        rs.getBoolean("concentrated")))
                .optional();
    }
}
