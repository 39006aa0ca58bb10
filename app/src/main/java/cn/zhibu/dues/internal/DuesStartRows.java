package cn.zhibu.dues.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The {@code dues_start} rows (F5): the first month a member owes, when it is not the platform's first month. */
@Repository
public class DuesStartRows {

    /** The reason recorded for a 预备党员 admitted through the admission module. */
    public static final String ADMITTED = "ADMITTED";

    private final JdbcClient jdbc;

    DuesStartRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records (or moves) the member's first month. */
    public void upsert(long memberId, YearMonth first, String reason) {
        jdbc.sql("""
                        insert into dues_start (member_id, first_month, reason) values (?, ?, ?)
                        on conflict (member_id) do update set first_month = excluded.first_month,
                            reason = excluded.reason, recorded_at = now()""")
                .params(memberId, first.atDay(1), reason).update();
    }

    public Optional<YearMonth> firstMonth(long memberId) {
        return jdbc.sql("select first_month from dues_start where member_id = ?").param(memberId)
                .query(LocalDate.class).optional().map(YearMonth::from);
    }

    /** A 预备党员 admitted and still without a base, in a subtree. */
    public record Waiting(long memberId, long orgId, String orgPath, YearMonth firstMonth) {
    }

    /** Admitted members of [lo, hi) in the registry with no base recorded yet, the earliest first. */
    public List<Waiting> admittedWithoutBase(String lo, String hi, int limit) {
        return jdbc.sql("""
                        select s.member_id, r.org_id, r.org_path, s.first_month
                        from dues_start s join registry_member r on r.member_id = s.member_id
                        where s.reason = ? and r.org_path >= ? and r.org_path < ?
                          and not exists (select 1 from dues_base b where b.member_id = s.member_id)
                        order by s.first_month, s.member_id limit ?""")
                .params(ADMITTED, lo, hi, limit)
                .query((rs, i) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        YearMonth.from(rs.getObject(4, LocalDate.class)))).list();
    }
}
