package cn.zhibu.generator;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A 党费 base for every generated member, set-based after the members (one INSERT … SELECT): a realistic spread of
 * categories — about half salaried (bases 2,000–16,000 元), a quarter retired (pensions 2,500–9,000 元), farmers,
 * students, the unemployed at the fixed 0.20 元, a few 年薪制 and self-employed — effective from January of the
 * current year, the amount computed as DuesRules does (rate on the whole base, bracket bounds inclusive, HALF_UP to
 * 分, capped at 1,000 元). Pseudo-random by member id and seed, so a seed gives the same bases. Also run on an
 * existing generated database ({@code zhibu-tools dues-bases}), without regenerating its members.
 */
public final class DuesBaseSeed {

    /** Rows the generator writes, by which {@code --replace} of the subcommand finds them again. */
    public static final String RECORDED_BY = "数据生成器";

    static final String SQL = """
            insert into dues_base (member_id, org_id, category, effective_month, base, computed, amount, source,
                                   recorded_by)
            select member_id, org_id, category, effective_month, base,
                   least(amount, 1000.00), least(amount, 1000.00), 'IMPORT', '%s'
            from (
                select m.id as member_id, m.org_id, k.category,
                       make_date(extract(year from current_date)::int, 1, 1) as effective_month, b.base,
                       case when k.category in ('FARMER', 'STUDENT', 'UNEMPLOYED') then 0.20
                            when k.category = 'RETIRED' then
                                 round(b.base * case when b.base <= 5000 then 0.005 else 0.01 end, 2)
                            else round(b.base * case when b.base <= 3000 then 0.005 when b.base <= 5000 then 0.01
                                                     when b.base <= 10000 then 0.015 else 0.02 end, 2)
                       end as amount
                from member m
                cross join lateral (select abs(hashtext(m.id::text || ':' || %d)) %% 1000 as r) h
                cross join lateral (select case when h.r < 500 then 'SALARIED' when h.r < 750 then 'RETIRED'
                                                when h.r < 900 then 'FARMER' when h.r < 930 then 'STUDENT'
                                                when h.r < 960 then 'UNEMPLOYED' when h.r < 980 then 'ANNUAL_SALARY'
                                                else 'SELF_EMPLOYED' end as category) k
                cross join lateral (select case
                        when k.category in ('FARMER', 'STUDENT', 'UNEMPLOYED') then null::numeric
                        when k.category = 'RETIRED' then round(2500 + (abs(hashtext(m.id::text || 'b')) %% 650000) / 100.0, 2)
                        when k.category = 'ANNUAL_SALARY' then round(12000 + (abs(hashtext(m.id::text || 'b')) %% 2000000) / 100.0, 2)
                        else round(2000 + (abs(hashtext(m.id::text || 'b')) %% 1400000) / 100.0, 2) end as base) b
            ) priced""";

    private DuesBaseSeed() {
    }

    static String sql(long seed) {
        return SQL.formatted(RECORDED_BY, seed);
    }

    /** In the generator's transaction. */
    static long write(JdbcClient jdbc, long seed) {
        return jdbc.sql(sql(seed)).update();
    }

    /** On an existing database: the bases of every member, after removing the generator's earlier ones if asked. */
    public static long write(Connection connection, long seed, boolean replace) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (replace) {
                s.executeUpdate("delete from dues_base where recorded_by = '" + RECORDED_BY + "'");
            } else {
                try (var rs = s.executeQuery("select exists (select 1 from dues_base)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        throw new IllegalStateException("数据库中已有党费基数，未做任何改动；如需替换数据生成器写入的基数，请加 --replace");
                    }
                }
            }
            long n = s.executeUpdate(sql(seed));
            s.execute("analyze dues_base");
            return n;
        }
    }
}
