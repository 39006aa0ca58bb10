package cn.zhibu.dues.internal;

import cn.zhibu.dues.BaseEntry;
import cn.zhibu.dues.DuesBase;
import cn.zhibu.dues.DuesCategory;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code dues_base} rows: appended, never edited (a correction is a newer row). */
@Repository
public class BaseRows {

    private final JdbcClient jdbc;

    BaseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row to append: the entry with the base and amounts the rules gave. */
    public record NewBase(long memberId, long orgId, BaseEntry entry, BigDecimal base,
                          BigDecimal computed, BigDecimal amount, String source, String recordedBy) {
    }

    public long insert(NewBase b) {
        BaseEntry e = b.entry();
        return jdbc.sql("""
                        insert into dues_base (member_id, org_id, category, effective_month, counted_pay, income_tax,
                                               social_insurance, annuity, base, computed, chosen, amount, source, note,
                                               recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(b.memberId(), b.orgId(), e.category().name(), e.effectiveMonth().atDay(1),
                        e.countedPay(), e.incomeTax(), e.socialInsurance(), e.annuity(), b.base(), b.computed(),
                        e.chosen(), b.amount(), b.source(), e.note(), b.recordedBy())
                .query(Long.class).single();
    }

    /** Appends many rows in one statement (an upload). */
    public int insertAll(List<NewBase> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        Object[][] cols = new Object[15][n];
        for (int i = 0; i < n; i++) {
            NewBase b = rows.get(i);
            BaseEntry e = b.entry();
            Object[] v = {b.memberId(), b.orgId(), e.category().name(), e.effectiveMonth().atDay(1).toString(),
                    e.countedPay(), e.incomeTax(), e.socialInsurance(), e.annuity(), b.base(), b.computed(), e.chosen(),
                    b.amount(), b.source(), e.note(), b.recordedBy()};
            for (int c = 0; c < v.length; c++) {
                cols[c][i] = v[c];
            }
        }
        return jdbc.sql("""
                        insert into dues_base (member_id, org_id, category, effective_month, counted_pay, income_tax,
                                               social_insurance, annuity, base, computed, chosen, amount, source, note,
                                               recorded_by)
                        select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::date[], ?::numeric[],
                                             ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[],
                                             ?::numeric[], ?::numeric[], ?::text[], ?::text[], ?::text[])""")
                .params(array(cols[0], Long.class), array(cols[1], Long.class), array(cols[2], String.class),
                        array(cols[3], String.class), array(cols[4], BigDecimal.class),
                        array(cols[5], BigDecimal.class), array(cols[6], BigDecimal.class),
                        array(cols[7], BigDecimal.class), array(cols[8], BigDecimal.class),
                        array(cols[9], BigDecimal.class), array(cols[10], BigDecimal.class),
                        array(cols[11], BigDecimal.class), array(cols[12], String.class), array(cols[13], String.class),
                        array(cols[14], String.class))
                .update();
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] array(Object[] values, Class<T> type) {
        T[] out = (T[]) java.lang.reflect.Array.newInstance(type, values.length);
        for (int i = 0; i < values.length; i++) {
            out[i] = type.cast(values[i]);
        }
        return out;
    }

    /** The rows with their organization's path now (bases carry none, V51). */
    private static final String SELECT = "select b.*, o.path as org_path from dues_base b join organization o on o.id = b.org_id";

    /** A member's bases, the newest first (effective month, then recorded). */
    public List<DuesBase> history(long memberId) {
        return jdbc.sql(SELECT + " where b.member_id = ? order by b.effective_month desc, b.id desc")
                .param(memberId).query((rs, i) -> map(rs)).list();
    }

    public java.util.Optional<DuesBase> find(long id) {
        return jdbc.sql(SELECT + " where b.id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    /** The newest row of each member (by effective month, then id), for a list of members. */
    public Map<Long, DuesBase> latest(Collection<Long> memberIds) {
        Map<Long, DuesBase> latest = new HashMap<>();
        if (memberIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                        select distinct on (b.member_id) b.*, o.path as org_path
                        from dues_base b join organization o on o.id = b.org_id where b.member_id in (:ids)
                        order by b.member_id, b.effective_month desc, b.id desc""")
                .param("ids", memberIds).query((rs, i) -> map(rs)).list()
                .forEach(b -> latest.put(b.memberId(), b));
        return latest;
    }

    /** Whether the member has any base recorded. */
    public boolean exists(long memberId) {
        return jdbc.sql("select exists (select 1 from dues_base where member_id = ?)").param(memberId)
                .query(Boolean.class).single();
    }

    private static DuesBase map(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("recorded_at", OffsetDateTime.class);
        return new DuesBase(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("org_id"), rs.getString("org_path"),
                DuesCategory.valueOf(rs.getString("category")),
                YearMonth.from(rs.getObject("effective_month", LocalDate.class)), rs.getBigDecimal("counted_pay"),
                rs.getBigDecimal("income_tax"), rs.getBigDecimal("social_insurance"), rs.getBigDecimal("annuity"),
                rs.getBigDecimal("base"), rs.getBigDecimal("computed"), rs.getBigDecimal("chosen"),
                rs.getBigDecimal("amount"), rs.getString("source"), rs.getString("note"), rs.getString("recorded_by"),
                at == null ? null : at.toInstant());
    }
}
