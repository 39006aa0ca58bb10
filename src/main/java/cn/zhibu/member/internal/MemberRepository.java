package cn.zhibu.member.internal;

import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.platform.DataScope;
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

/** Plain SQL over the member table. Every list query is limited by a {@link DataScope}. */
@Repository
public class MemberRepository {

    private static final String COLUMNS = """
            m.id, m.org_id, o.name as org_name, m.org_path, m.root_id, m.name, m.gender, m.ethnicity, m.birth_date,
            m.id_number_enc, m.phone_enc, m.education, m.occupation, m.status, m.joined_on, m.converted_on,
            m.job_title, m.work_unit, m.version""";

    private static final RowMapper<MemberRow> MAPPER = (rs, i) -> new MemberRow(
            rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
            rs.getLong("root_id"), rs.getString("name"), Gender.valueOf(rs.getString("gender")),
            rs.getString("ethnicity"), rs.getObject("birth_date", LocalDate.class), rs.getBytes("id_number_enc"),
            rs.getBytes("phone_enc"), Education.valueOf(rs.getString("education")),
            Occupation.valueOf(rs.getString("occupation")), MemberStatus.valueOf(rs.getString("status")),
            rs.getObject("joined_on", LocalDate.class), rs.getObject("converted_on", LocalDate.class),
            rs.getString("job_title"), rs.getString("work_unit"), rs.getInt("version"));

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

    public Optional<Long> findIdByIdNumberHash(byte[] hash) {
        return jdbc.sql("select id from member where id_number_hash = ?").param(hash).query(Long.class).optional();
    }

    /** The subtree condition, the scope condition and the filters of a search, as SQL with named parameters. */
    private static String where(DataScope scope, TreePath subtree, MemberSearch s, byte[] idHash,
                                Map<String, Object> p) {
        StringBuilder sql = new StringBuilder(scope.memberScopeSql("m.org_path", p));
        if (subtree != null) {
            sql.append(" and m.org_path >= :subLo and m.org_path < :subHi");
            p.put("subLo", subtree.value());
            p.put("subHi", subtree.upperBound());
        }
        String text = s.text() == null ? "" : s.text().trim();
        if (idHash != null) {
            sql.append(" and m.id_number_hash = :idHash");
            p.put("idHash", idHash);
        } else if (!text.isEmpty() && text.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            String t = text.toLowerCase();
            String hi = t.substring(0, t.length() - 1) + (char) (t.charAt(t.length() - 1) + 1);
            sql.append(" and ((m.name_initials >= :t and m.name_initials < :tHi)"
                    + " or (m.name_pinyin >= :t and m.name_pinyin < :tHi))");
            p.put("t", t);
            p.put("tHi", hi);
        } else if (!text.isEmpty()) {
            sql.append(" and m.name like :namePattern");
            p.put("namePattern", "%" + text.replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        if (s.status() != null) {
            sql.append(" and m.status = :status");
            p.put("status", s.status().name());
        }
        if (s.gender() != null) {
            sql.append(" and m.gender = :gender");
            p.put("gender", s.gender().name());
        }
        if (s.ethnicity() != null && !s.ethnicity().isBlank()) {
            sql.append(" and m.ethnicity = :ethnicity");
            p.put("ethnicity", s.ethnicity());
        }
        if (s.education() != null) {
            sql.append(" and m.education = :education");
            p.put("education", s.education().name());
        }
        if (s.occupation() != null) {
            sql.append(" and m.occupation = :occupation");
            p.put("occupation", s.occupation().name());
        }
        if (s.ageBand() != null) {
            LocalDate today = LocalDate.now();
            sql.append(" and m.birth_date >= :bornFrom and m.birth_date < :bornBefore");
            p.put("bornFrom", LocalDate.of(s.ageBand().earliestBirthYear(today), 1, 1));
            p.put("bornBefore", LocalDate.of(s.ageBand().latestBirthYear(today) + 1, 1, 1));
        }
        return sql.toString();
    }

    public List<MemberRow> search(DataScope scope, TreePath subtree, MemberSearch s, byte[] idHash) {
        Map<String, Object> p = new HashMap<>();
        String where = where(scope, subtree, s, idHash, p);
        p.put("limit", s.size());
        p.put("offset", (long) s.page() * s.size());
        return jdbc.sql("select " + COLUMNS + " from member m join organization o on o.id = m.org_id where " + where
                        + " order by m.name_pinyin, m.id limit :limit offset :offset")
                .params(p).query(MAPPER).list();
    }

    public long count(DataScope scope, TreePath subtree, MemberSearch s, byte[] idHash) {
        Map<String, Object> p = new HashMap<>();
        String where = where(scope, subtree, s, idHash, p);
        return jdbc.sql("select count(*) from member m where " + where).params(p).query(Long.class).single();
    }

    public long nextId() {
        return jdbc.sql("select nextval('member_seq')").query(Long.class).single();
    }

    public void insert(MemberRow m, String pinyin, String initials, byte[] idHash, byte[] phoneHash) {
        jdbc.sql("""
                insert into member(id, org_id, org_path, root_id, name, name_pinyin, name_initials, gender, ethnicity,
                                   birth_date, id_number_enc, id_number_hash, phone_enc, phone_hash, education,
                                   occupation, status, joined_on, converted_on, job_title, work_unit)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.orgId(), m.orgPath(), m.rootId(), m.name(), pinyin, initials, m.gender().name(),
                        m.ethnicity(), m.birthDate(), m.idNumberEnc(), idHash, m.phoneEnc(), phoneHash,
                        m.education().name(), m.occupation().name(), m.status().name(), m.joinedOn(),
                        m.convertedOn(), m.jobTitle(), m.workUnit())
                .update();
    }

    public int update(MemberRow m, int expectedVersion, String pinyin, String initials, byte[] idHash,
                      byte[] phoneHash) {
        return jdbc.sql("""
                update member set org_id = ?, org_path = ?, root_id = ?, name = ?, name_pinyin = ?, name_initials = ?,
                       gender = ?, ethnicity = ?, birth_date = ?, id_number_enc = ?, id_number_hash = ?, phone_enc = ?,
                       phone_hash = ?, education = ?, occupation = ?, status = ?, joined_on = ?, converted_on = ?,
                       job_title = ?, work_unit = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?""")
                .params(m.orgId(), m.orgPath(), m.rootId(), m.name(), pinyin, initials, m.gender().name(),
                        m.ethnicity(), m.birthDate(), m.idNumberEnc(), idHash, m.phoneEnc(), phoneHash,
                        m.education().name(), m.occupation().name(), m.status().name(), m.joinedOn(),
                        m.convertedOn(), m.jobTitle(), m.workUnit(), m.id(), expectedVersion)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from member where id = ?").param(id).update();
    }

    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        jdbc.sql("update member set org_path = ? || substr(org_path, ?), root_id = ? where org_path >= ? and org_path < ?")
                .params(newPath.value(), oldPath.value().length() + 1, newRootId, oldPath.value(), oldPath.upperBound())
                .update();
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
        jdbc.sql("select org_id, status, sum(n) as n from member_rollup where dim = 'gender' and org_id in (:ids)"
                        + " group by org_id, status")
                .param("ids", orgIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("org_id"), k -> new java.util.EnumMap<>(MemberStatus.class))
                            .put(MemberStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        return result;
    }

}
