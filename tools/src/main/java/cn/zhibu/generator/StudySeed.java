package cn.zhibu.generator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * 学习教育 records for an existing generated database, set-based ({@code zhibu-tools study-records}): for every
 * committee down to the county (depth ≤ 3, with subordinates) a required course (due 30 June, 30 September or 30
 * December of the year by depth) and an optional one; each member's progress on the required courses of their
 * ancestors (about 60 % completed on a day of the year so far, 20 % part-way, the rest not started); 学时 of the
 * year (each completion's course hours, and for about 85 % an external training of 0–30 学时); the study years (T1
 * target of the year's plan for everyone — the generator knows no committee seats' months); and the roll-up of the
 * year rebuilt from those tables, so it is exactly what the hours part's deltas would have summed to.
 * Pseudo-random by member id, the course's organization and seed: a seed gives the same records.
 */
public final class StudySeed {

    /** The author of the generator's courses, by which {@code --replace} finds them again. */
    public static final String RECORDED_BY = "数据生成器";
    private static final String EXTERNAL_LABEL = "其他培训（数据生成器）";

    /** What was written. */
    public record Written(long courses, long progress, long credits, long years, long rollupRows) {
    }

    private StudySeed() {
    }

    /** Writes the year's study records in the caller's transaction; refuses (nothing changed) when some exist. */
    public static Written write(Connection c, long seed, int year, boolean replace) throws SQLException {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.now().getYear() == year ? LocalDate.now()
                : LocalDate.now().getYear() > year ? LocalDate.of(year, 12, 31) : jan1;
        int days = (int) (last.toEpochDay() - jan1.toEpochDay()) + 1;
        try (Statement s = c.createStatement()) {
            if (replace) {
                remove(c);
            } else if (exists(s, "select exists (select 1 from course where created_by = '" + RECORDED_BY + "')")) {
                throw new IllegalStateException("数据库中已有数据生成器写入的学习记录，未做任何改动；如需替换，请加 --replace");
            }
        }
        long courses = update(c, """
                insert into course (org_id, org_path, root_id, title, kind, body_html, hours, credit_seconds, required,
                                    due_on, audience, status, published_at, created_by)
                select o.id, o.path, o.root_id,
                       o.name || case when r.required then '年度必修课' else '选学课' end, 'ARTICLE',
                       '<p>数据生成器写入的学习内容。</p>', 2.0, 7200, r.required,
                       case when r.required then make_date(?, 3 + 3 * o.depth, 30) end, 'SUBTREE', 'PUBLISHED',
                       make_timestamp(?, 1, 1, 8, 0, 0), ?
                from organization o cross join (values (true), (false)) r(required)
                where o.depth <= 3 and o.status = 'ACTIVE'
                  and exists (select 1 from organization k where k.parent_id = o.id)
                order by o.id, r.required desc""", year, year, RECORDED_BY);
        // the planner must know the new courses (thousands, not one) or it loops over them for every member's prefix
        update(c, "analyze course");
        // each member against the required courses of their ancestors down to the county (one hash join per prefix)
        update(c, """
                create temp table seed_progress on commit drop as
                select m.id as member_id, k.id as course_id, k.title, m.org_id, m.org_path, h.r,
                       case when h.r < 600 then ?::date + (abs(hashtext(m.id::text || ':' || k.org_path || 'd')) % ?)
                       end as completed_on
                from member m
                cross join lateral (select string_to_array(trim(both '/' from m.org_path), '/') as ids) p
                cross join lateral generate_series(1, least(3, cardinality(p.ids))) as d(depth)
                join course k on k.org_path = '/' || array_to_string(p.ids[1:d.depth], '/') || '/'
                           and k.created_by = ? and k.required
                cross join lateral (select abs(hashtext(m.id::text || ':' || k.org_path || ':' || ?)) % 1000 as r) h
                where h.r < 800""", jan1, days, RECORDED_BY, seed);
        long progress = update(c, """
                insert into course_progress (member_id, course_id, org_id, credited_seconds,
                                             position_seconds, started_at, updated_at, completed_at)
                select member_id, course_id, org_id,
                       case when completed_on is not null then 7200 else (r - 600) * 36 end, 0,
                       coalesce(completed_on, ?::date)::timestamptz, coalesce(completed_on, ?::date)::timestamptz,
                       (completed_on + time '20:00')::timestamptz
                from seed_progress""", jan1, jan1);
        long credits = update(c, """
                insert into study_credit (member_id, org_id, year, source, source_id, label, hours,
                                          concentrated, credited_on)
                select member_id, org_id, ?, 'COURSE', course_id, title, 2.00, false, completed_on
                from seed_progress where completed_on is not null""", year);
        credits += update(c, """
                insert into study_credit (member_id, org_id, year, source, source_id, label, hours,
                                          concentrated, credited_on)
                select m.id, m.org_id, ?, 'EXTERNAL', 0, ?, (h.r % 61) * 0.5, false,
                       ?::date + (h.r % ?)
                from member m cross join lateral (select abs(hashtext(m.id::text || ':x:' || ?)) % 1000 as r) h
                where h.r < 850
                on conflict (member_id, source, source_id) do nothing""", year, EXTERNAL_LABEL, jan1, days, seed);
        update(c, "analyze course_progress");
        update(c, "analyze study_credit");
        long years = rebuildYears(c, year);
        long rollupRows = rebuildRollup(c, year);
        try (Statement s = c.createStatement()) {
            for (String table : new String[]{"course", "course_progress", "study_credit", "study_year", "study_rollup"}) {
                s.execute("analyze " + table);
            }
        }
        return new Written(courses, progress, credits, years, rollupRows);
    }

    /** The generator's earlier records: its courses with their progress and credits, and its external trainings. */
    private static void remove(Connection c) throws SQLException {
        update(c, """
                delete from study_credit where (source = 'COURSE' and source_id in
                    (select id from course where created_by = ?)) or (source = 'EXTERNAL' and label = ?)""",
                RECORDED_BY, EXTERNAL_LABEL);
        update(c, "delete from course_progress where course_id in (select id from course where created_by = ?)",
                RECORDED_BY);
        update(c, "delete from course where created_by = ?", RECORDED_BY);
    }

    /**
     * The year's study years again from study_credit, judged by the T1 target of the plan containing 1 January
     * (every member, whoever wrote their credits).
     */
    static long rebuildYears(Connection c, int year) throws SQLException {
        update(c, "delete from study_year where year = ?", year);
        return update(c, """
                insert into study_year (member_id, year, org_id, hours, target_hours, concentrated,
                                        concentrated_needed, met)
                select s.member_id, ?, m.org_id, sum(s.hours), t.hours,
                       count(*) filter (where s.concentrated), t.concentrated,
                       sum(s.hours) >= t.hours and count(*) filter (where s.concentrated) >= t.concentrated
                from study_credit s
                join member m on m.id = s.member_id
                cross join (select hours, concentrated from study_target
                            where role = 'MEMBER' and valid_from <= make_date(?, 1, 1)
                            order by (make_date(?, 1, 1) <= valid_to) desc, valid_from desc limit 1) t
                where s.year = ?
                group by s.member_id, m.org_id, t.hours, t.concentrated""", year, year, year, year);
    }

    /**
     * The year's roll-up (period 1 January) recounted from study_year and course_progress, per organization the rows
     * name, then at every ancestor of its path now.
     */
    static long rebuildRollup(Connection c, int year) throws SQLException {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        update(c, "delete from study_rollup where period = ?", jan1);
        update(c, "delete from study_rollup_delta where period = ?", jan1);
        return update(c, """
                with per_org as (
                    select org_id, 'HOURS_CENTI' as metric, sum(round(hours * 100))::bigint as n
                    from study_year where year = ? group by org_id
                    union all
                    select org_id, 'MEMBERS_STUDIED', count(*) from study_year where year = ? and hours > 0
                    group by org_id
                    union all
                    select org_id, 'MEMBERS_MET', count(*) from study_year where year = ? and met group by org_id
                    union all
                    select org_id, 'COURSE_DONE:' || course_id, count(*) from course_progress
                    where completed_at >= ?::date and completed_at < (?::date + interval '1 year')
                    group by org_id, course_id)
                insert into study_rollup (org_id, metric, period, n)
                select a.id::bigint, p.metric, ?::date, sum(p.n)::bigint
                from per_org p join organization o on o.id = p.org_id
                cross join lateral unnest(string_to_array(trim(both '/' from o.path), '/')) a(id)
                group by a.id, p.metric having sum(p.n) <> 0""", year, year, year, jan1, jan1, jan1);
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            return p.executeLargeUpdate();
        }
    }
}
