package cn.zhibu.learning.hours.internal;

import cn.zhibu.learning.StudySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** {@code study_credit} and {@code study_year} (V40), written only by {@link StudyLedger}. */
@Repository
class StudyYearRows {

    private final JdbcClient jdbc;

    StudyYearRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code orgPath}: where the row's organization stands in the tree now (the row keeps only its id). */
    record YearRow(long memberId, int year, long orgId, String orgPath, BigDecimal hours, boolean met) {
    }

    record OldCredit(int year, BigDecimal hours, boolean concentrated) {
    }

    record Sums(BigDecimal hours, int concentrated) {
    }

    /** Creates the member's year (at the member's organization now) if it does not exist. */
    void create(long memberId, int year, BigDecimal target, int concentratedNeeded) {
        jdbc.sql("""
                        insert into study_year (member_id, year, org_id, target_hours, concentrated_needed)
                        select id, ?, org_id, ?, ? from member where id = ?
                        on conflict (member_id, year) do nothing""")
                .params(year, target, concentratedNeeded, memberId).update();
    }

    /**
     * The member's year, locked to the end of the transaction (every change of a member's 学时 takes it first), with
     * its organization's path now. The organization is share-locked like every writer's (a move locks its subtree
     * first): a move waits for this credit, or this credit for the move and then reads the new path, so the roll-up
     * delta always lands on the ancestors the move shifts between.
     */
    Optional<YearRow> lock(long memberId, int year) {
        return jdbc.sql("select y.member_id, y.year, y.org_id, o.path, y.hours, y.met"
                        + " from study_year y join organization o on o.id = y.org_id"
                        + " where y.member_id = ? and y.year = ? for update of y for share of o")
                .params(memberId, year)
                .query((rs, i) -> new YearRow(rs.getLong("member_id"), rs.getInt("year"), rs.getLong("org_id"),
                        rs.getString("path"), rs.getBigDecimal("hours"), rs.getBoolean("met")))
                .optional();
    }

    Optional<OldCredit> credit(long memberId, StudySource source, long sourceId) {
        return jdbc.sql("select year, hours, concentrated from study_credit"
                        + " where member_id = ? and source = ? and source_id = ? for update")
                .params(memberId, source.name(), sourceId)
                .query((rs, i) -> new OldCredit(rs.getInt("year"), rs.getBigDecimal("hours"),
                        rs.getBoolean("concentrated")))
                .optional();
    }

    void upsertCredit(YearRow y, StudySource source, long sourceId, String label, BigDecimal hours,
                      LocalDate creditedOn, boolean concentrated) {
        jdbc.sql("""
                        insert into study_credit (member_id, org_id, year, source, source_id, label, hours,
                                                  concentrated, credited_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (member_id, source, source_id) do update set org_id = excluded.org_id,
                            year = excluded.year, label = excluded.label,
                            hours = excluded.hours, concentrated = excluded.concentrated,
                            credited_on = excluded.credited_on, created_at = now()""")
                .params(y.memberId(), y.orgId(), y.year(), source.name(), sourceId, label, hours,
                        concentrated, creditedOn)
                .update();
    }

    Optional<OldCredit> deleteCredit(long memberId, StudySource source, long sourceId) {
        return jdbc.sql("delete from study_credit where member_id = ? and source = ? and source_id = ?"
                        + " returning year, hours, concentrated")
                .params(memberId, source.name(), sourceId)
                .query((rs, i) -> new OldCredit(rs.getInt("year"), rs.getBigDecimal("hours"),
                        rs.getBoolean("concentrated")))
                .optional();
    }

    Sums sums(long memberId, int year) {
        return jdbc.sql("select coalesce(sum(hours), 0), count(*) filter (where concentrated) from study_credit"
                        + " where member_id = ? and year = ?")
                .params(memberId, year)
                .query((rs, i) -> new Sums(rs.getBigDecimal(1), rs.getInt(2))).single();
    }

    void update(long memberId, int year, Sums sums, BigDecimal target, int concentratedNeeded, boolean met) {
        jdbc.sql("""
                        update study_year set hours = ?, concentrated = ?, target_hours = ?, concentrated_needed = ?,
                            met = ?, updated_at = now()
                        where member_id = ? and year = ?""")
                .params(sums.hours(), sums.concentrated(), target, concentratedNeeded, met, memberId, year).update();
    }
}
