package cn.zhibu.learning.hours.internal;

import cn.zhibu.learning.StudySource;
import cn.zhibu.learning.hours.CreditLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Reads of a member's credits, and this part's own rows: trainings recorded from certificates, issued transcripts. */
@Repository
public class HoursReads {

    private final JdbcClient jdbc;

    HoursReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CreditLine> credits(long memberId, int year) {
        return jdbc.sql("""
                        select source, source_id, label, credited_on, hours, concentrated from study_credit
                        where member_id = ? and year = ? order by credited_on, source, source_id""")
                .params(memberId, year)
                .query((rs, i) -> {
                    StudySource source = StudySource.valueOf(rs.getString("source"));
                    return new CreditLine(source, source.label(), rs.getLong("source_id"), rs.getString("label"),
                            rs.getObject("credited_on", LocalDate.class), rs.getBigDecimal("hours"),
                            rs.getBoolean("concentrated"));
                })
                .list();
    }

    public long insertExternal(long memberId, long orgId, String title, LocalDate trainedOn,
                               BigDecimal hours, String place, boolean concentrated, String certificateNo,
                               String note, String by) {
        return jdbc.sql("""
                        insert into study_external (member_id, org_id, title, trained_on, hours, place,
                                                    concentrated, certificate_no, note, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(memberId, orgId, title, trainedOn, hours, place, concentrated, certificateNo, note, by)
                .query(Long.class).single();
    }

    public record Transcript(String code, long memberId, int year, String content, String contentHash) {
    }

    /** {@code orgId}: the member's organization at issue. */
    public void insertTranscript(Transcript t, long orgId, String by) {
        jdbc.sql("""
                        insert into study_transcript (code, member_id, year, org_id, content, content_hash, issued_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(t.code(), t.memberId(), t.year(), orgId, t.content(), t.contentHash(), by).update();
    }

    public java.util.Optional<Transcript> transcript(String code) {
        return jdbc.sql("select code, member_id, year, content, content_hash from study_transcript where code = ?")
                .param(code)
                .query((rs, i) -> new Transcript(rs.getString("code"), rs.getLong("member_id"), rs.getInt("year"),
                        rs.getString("content"), rs.getString("content_hash")))
                .optional();
    }
}
