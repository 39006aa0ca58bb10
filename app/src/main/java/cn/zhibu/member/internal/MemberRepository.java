package cn.zhibu.member.internal;

import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** Plain SQL over the member table. Every list query is limited by a {@link DataScope}. */
@Repository
public class MemberRepository {

    static final String COLUMNS = """
            m.id, m.org_id, o.name as org_name, m.org_path, m.root_id, m.name, m.gender, m.ethnicity, m.birth_date,
            m.id_number_enc, m.phone_enc, m.id_number_masked, m.phone_masked, m.education, m.occupation, m.status, m.joined_on, m.converted_on,
            m.job_title, m.work_unit, m.version, m.name_pinyin, m.name_initials, m.lost_contact_since""";

    static final RowMapper<MemberRow> MAPPER = (rs, i) -> new MemberRow(
            rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
            rs.getLong("root_id"), rs.getString("name"), Gender.valueOf(rs.getString("gender")),
            rs.getString("ethnicity"), rs.getObject("birth_date", LocalDate.class), rs.getBytes("id_number_enc"),
            rs.getBytes("phone_enc"), rs.getString("id_number_masked"), rs.getString("phone_masked"),
            Education.valueOf(rs.getString("education")),
            Occupation.valueOf(rs.getString("occupation")), MemberStatus.valueOf(rs.getString("status")),
            rs.getObject("joined_on", LocalDate.class), rs.getObject("converted_on", LocalDate.class),
            rs.getString("job_title"), rs.getString("work_unit"), rs.getInt("version"), rs.getString("name_pinyin"),
            rs.getString("name_initials"), rs.getObject("lost_contact_since", LocalDate.class));

    private final JdbcClient jdbc;

    public MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MemberRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from member m join organization o on o.id = m.org_id where m.id = ?")
                .param(id).query(MAPPER).optional();
    }

    public Optional<MemberRow> findForUpdate(long id) {
        return jdbc.sql("select " + COLUMNS + " from member m join organization o on o.id = m.org_id where m.id = ?"
                        + " for update of m")
                .param(id).query(MAPPER).optional();
    }

    /** Where a search of the lookup keys may find members (its way chosen once for all the search's statements). */
    public LookupOrganizations lookupOrganizations(DataScope scope, TreePath subtree,
                                                   ToLongFunction<List<Long>> organizationsBelow,
                                                   ToLongFunction<List<Long>> membersBelow) {
        return new LookupOrganizations(scope, subtree, organizationsBelow, membersBelow);
    }

    /** One page in the query's index order: by keyset after the cursor, else by page number. */
    public List<MemberRow> search(DataScope scope, TreePath subtree, MemberQuery query, MemberSearch s,
                                  LookupOrganizations organizations) {
        Map<String, Object> p = new HashMap<>();
        boolean keyset = s.cursor() != null && !s.cursor().isBlank();
        String where = query.where(scope, subtree, p, keyset, organizations, LookupOrganizations.Reading.PAGE);
        p.put("limit", s.size());
        p.put("offset", keyset ? 0L : (long) s.page() * s.size());
        // The page's keys first, from the index alone; then only those rows are read from the table — and their
        // paths checked against the caller's scope once more (a lookup reading found them by organization, within a
        // subtree whose path was read in an earlier statement).
        return jdbc.sql("select " + COLUMNS + " from (select " + query.keyColumns() + " from "
                        + query.from(organizations, p, LookupOrganizations.Reading.PAGE)
                        + " where " + where + " order by " + query.orderBy() + " limit :limit offset :offset) k"
                        + " join member m on m.id = k.id join organization o on o.id = m.org_id"
                        + " where " + scope.memberScopeSql("m.org_path", p)
                        + " order by " + query.outerOrderBy())
                .params(p).query(MAPPER).list();
    }

    /** Matches counted up to {@code cap} (a broad search need not be counted to the end). */
    public long count(DataScope scope, TreePath subtree, MemberQuery query, long cap,
                      LookupOrganizations organizations) {
        Map<String, Object> p = new HashMap<>();
        String where = query.where(scope, subtree, p, false, organizations, LookupOrganizations.Reading.COUNT);
        p.put("cap", cap);
        String from = query.from(organizations, p, LookupOrganizations.Reading.COUNT);
        return jdbc.sql("select count(*) from (select 1 from " + from + " where " + where + " limit :cap) t")
                .params(p).query(Long.class).single();
    }

    /** The cursor after the last row of a page, or null when the page was not full. */
    public static String nextCursor(MemberQuery query, List<MemberRow> page, int size) {
        return page.size() < size ? null : query.cursorAfter(page.get(page.size() - 1));
    }

    /** Inserts the row under the sequence's next id (the row's own id is ignored) and returns it with that id. */
    public MemberRow insert(MemberRow m, byte[] idHash, byte[] phoneHash) {
        long id = jdbc.sql("""
                insert into member(id, org_id, org_path, root_id, name, name_pinyin, name_initials, gender, ethnicity,
                                   birth_date, id_number_enc, id_number_hash, phone_enc, phone_hash, id_number_masked,
                                   phone_masked, education, occupation, status, joined_on, converted_on, job_title,
                                   work_unit)
                values (nextval('member_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning id""")
                .params(m.orgId(), m.orgPath(), m.rootId(), m.name(), m.namePinyin(), m.nameInitials(), m.gender().name(),
                        m.ethnicity(), m.birthDate(), m.idNumberEnc(), idHash, m.phoneEnc(), phoneHash,
                        m.idNumberMasked(), m.phoneMasked(),
                        m.education().name(), m.occupation().name(), m.status().name(), m.joinedOn(),
                        m.convertedOn(), m.jobTitle(), m.workUnit())
                .query(Long.class).single();
        return m.withId(id);
    }

    public int update(MemberRow m, int expectedVersion, byte[] idHash, byte[] phoneHash) {
        return jdbc.sql("""
                update member set org_id = ?, org_path = ?, root_id = ?, name = ?, name_pinyin = ?, name_initials = ?,
                       gender = ?, ethnicity = ?, birth_date = ?, id_number_enc = ?, id_number_hash = ?, phone_enc = ?,
                       phone_hash = ?, id_number_masked = ?, phone_masked = ?, education = ?, occupation = ?,
                       status = ?, joined_on = ?, converted_on = ?, job_title = ?, work_unit = ?,
                       version = version + 1, updated_at = now()
                where id = ? and version = ?""")
                .params(m.orgId(), m.orgPath(), m.rootId(), m.name(), m.namePinyin(), m.nameInitials(), m.gender().name(),
                        m.ethnicity(), m.birthDate(), m.idNumberEnc(), idHash, m.phoneEnc(), phoneHash,
                        m.idNumberMasked(), m.phoneMasked(),
                        m.education().name(), m.occupation().name(), m.status().name(), m.joinedOn(),
                        m.convertedOn(), m.jobTitle(), m.workUnit(), m.id(), expectedVersion)
                .update();
    }

    /** The member's organizational relationship moved to another organization (a completed transfer). */
    public void moveTo(long id, long orgId, String orgPath, long rootId) {
        jdbc.sql("update member set org_id = ?, org_path = ?, root_id = ?, version = version + 1, updated_at = now()"
                        + " where id = ?")
                .params(orgId, orgPath, rootId, id).update();
    }

    /**
     * Every member of a subtree in roster order (organization, then name), streamed from the database in batches so
     * that a million rows never sit in memory. Must run inside a transaction (the driver streams only then).
     */
    public void streamSubtree(TreePath subtree, java.util.function.Consumer<MemberRow> each) {
        jdbc.sql("select " + COLUMNS + " from member m join organization o on o.id = m.org_id"
                        + " where m.org_path >= ? and m.org_path < ? order by m.org_path, m.name_pinyin, m.id")
                .params(subtree.value(), subtree.upperBound()).withFetchSize(2000)
                .query(rs -> {
                    each.accept(MAPPER.mapRow(rs, 0));
                });
    }

    /** 转正: the status and the date, as one change of the record. */
    public void convert(long id, LocalDate on) {
        jdbc.sql("update member set status = 'FULL', converted_on = ?, version = version + 1, updated_at = now() where id = ?")
                .params(on, id).update();
    }

    /** R5: the date of the last contact while the branch searches for the member; null once in contact again. */
    public void setLostContact(long id, LocalDate since) {
        jdbc.sql("update member set lost_contact_since = ?, version = version + 1, updated_at = now() where id = ?")
                .params(since, id).update();
    }

    /** Members of a subtree out of contact since on or before {@code lastContactBy}, oldest first (R5). */
    public List<MemberRow> lostContact(TreePath subtree, LocalDate lastContactBy, int limit) {
        return jdbc.sql("select " + COLUMNS + " from member m join organization o on o.id = m.org_id"
                        + " where m.lost_contact_since is not null and m.lost_contact_since <= ?"
                        + " and m.org_path >= ? and m.org_path < ? order by m.lost_contact_since, m.id limit ?")
                .params(lastContactBy, subtree.value(), subtree.upperBound(), limit).query(MAPPER).list();
    }

    /** 预备党员 of a subtree admitted on or before {@code joinedBy} whose probation is over on {@code today} (D11). */
    public List<MemberRow> probationOver(TreePath subtree, LocalDate joinedBy, LocalDate today, int limit) {
        // an extended probation (D11) is over only at its new end. The members are picked from the index alone
        // (member_probation_due holds joined_on, id and org_path): with the row's other columns asked at once, the
        // planner walked that index fetching every row to test its path — 15–100 ms at a county, 3 ms this way.
        return jdbc.sql("with due as (select p.id, p.joined_on from member p"
                        + " where p.status = 'PROBATIONARY' and p.joined_on <= ?"
                        + " and p.org_path >= ? and p.org_path < ?"
                        + " and not exists (select 1 from member_status_event e where e.member_id = p.id"
                        + " and e.kind = 'EXTEND_PROBATION' and e.deadline > ?)"
                        + " order by p.joined_on, p.id limit ?)"
                        + " select " + COLUMNS + " from due join member m on m.id = due.id"
                        + " join organization o on o.id = m.org_id order by due.joined_on, due.id")
                .params(joinedBy, subtree.value(), subtree.upperBound(), today, limit).query(MAPPER).list();
    }

    public void delete(long id) {
        jdbc.sql("delete from member where id = ?").param(id).update();
    }

    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        SubtreeRewrite.rewrite(jdbc, "member", oldPath, newPath, newRootId);
    }

    public boolean anyIn(TreePath subtree) {
        return jdbc.sql("select exists(select 1 from member where org_path >= ? and org_path < ?)")
                .params(subtree.value(), subtree.upperBound()).query(Boolean.class).single();
    }

    /** 转正 dates and statuses of the given members, for the B5 secretary check. */
    public Map<Long, Object[]> standings(Collection<Long> ids) {
        Map<Long, Object[]> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select id, status, converted_on from member where id in (:ids)").param("ids", ids)
                .query(rs -> {
                    result.put(rs.getLong("id"), new Object[]{MemberStatus.valueOf(rs.getString("status")),
                            rs.getObject("converted_on", LocalDate.class)});
                });
        return result;
    }

    /** Roll-up totals by status for many organizations at once (for rule checks over a subtree). */
    public Map<Long, Map<MemberStatus, Integer>> statusCounts(Collection<Long> orgIds) {
        Map<Long, Map<MemberStatus, Integer>> result = new HashMap<>();
        if (orgIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select org_id, status, sum(n) as n from (
                            select org_id, status, n from member_rollup where dim = 'gender' and org_id in (:ids)
                            union all
                            select org_id, status, n from member_rollup_delta where dim = 'gender' and org_id in (:ids)) r
                        group by org_id, status""")
                .param("ids", orgIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("org_id"), k -> new java.util.EnumMap<>(MemberStatus.class))
                            .put(MemberStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        return result;
    }

}
