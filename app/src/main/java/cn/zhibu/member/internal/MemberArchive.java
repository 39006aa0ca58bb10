package cn.zhibu.member.internal;

import cn.zhibu.member.ArchiveStatus;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records of members whose 党籍 is stopped, who left the party or died. They move here whole from the registry (and
 * back on restoration), so the registry, its indexes and its roll-ups hold only 正式 and 预备 党员.
 */
@Repository
public class MemberArchive {

    /** Every column of member, by name, so that the two tables may differ in column order. */
    private static final String MEMBER_COLUMNS = """
            id, org_id, org_path, root_id, name, name_pinyin, name_initials, gender, ethnicity, birth_date,
            id_number_enc, id_number_hash, phone_enc, phone_hash, id_number_masked, phone_masked, education,
            occupation, status, joined_on, converted_on, job_title, work_unit, version, created_at, updated_at,
            lost_contact_since""";

    /** MEMBER_COLUMNS as a restored record takes them: a new version, changed now, in contact again. */
    private static final String RESTORED_VALUES = """
            id, org_id, org_path, root_id, name, name_pinyin, name_initials, gender, ethnicity, birth_date,
            id_number_enc, id_number_hash, phone_enc, phone_hash, id_number_masked, phone_masked, education,
            occupation, status, joined_on, converted_on, job_title, work_unit, version + 1, created_at, now(),
            null""";

    private static final String SELECT = "select " + MemberRepository.COLUMNS
            + ", m.archive_status, m.archive_kind, m.archived_on from member_archive m join organization o on o.id = m.org_id";

    private static final RowMapper<ArchivedRow> MAPPER = (rs, i) -> new ArchivedRow(
            MemberRepository.MAPPER.mapRow(rs, i), ArchiveStatus.valueOf(rs.getString("archive_status")),
            StatusChangeKind.valueOf(rs.getString("archive_kind")), rs.getObject("archived_on", LocalDate.class));

    private final JdbcClient jdbc;

    MemberArchive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves a registry row here; the caller holds its lock. */
    public void archive(long id, ArchiveStatus status, StatusChangeKind kind, LocalDate on) {
        jdbc.sql("insert into member_archive (" + MEMBER_COLUMNS + ", archive_status, archive_kind, archived_on)"
                        + " select " + MEMBER_COLUMNS + ", ?, ?, ? from member where id = ?")
                .params(status.name(), kind.name(), on, id).update();
        jdbc.sql("delete from member where id = ?").param(id).update();
    }

    /** A suspended record back to the registry, in contact again and in the status it held. */
    public void restore(long id) {
        jdbc.sql("insert into member (" + MEMBER_COLUMNS + ") select " + RESTORED_VALUES + " from member_archive where id = ?")
                .param(id).update();
        jdbc.sql("delete from member_archive where id = ?").param(id).update();
    }

    /** A further change of an archived record (a suspended member removed or deceased). */
    public void restate(long id, ArchiveStatus status, StatusChangeKind kind, LocalDate on) {
        jdbc.sql("update member_archive set archive_status = ?, archive_kind = ?, archived_on = ?, version = version + 1,"
                        + " updated_at = now() where id = ?")
                .params(status.name(), kind.name(), on, id).update();
    }

    public Optional<ArchivedRow> find(long id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<ArchivedRow> findForUpdate(long id) {
        return jdbc.sql(SELECT + " where m.id = ? for update of m").param(id).query(MAPPER).optional();
    }

    /** A page of the archived records of a subtree, latest change first. */
    public List<ArchivedRow> page(TreePath subtree, ArchiveStatus status, cn.zhibu.platform.Paging paging) {
        Map<String, Object> p = new HashMap<>();
        String where = where(subtree, status, p);
        p.put("limit", paging.size());
        p.put("offset", paging.offset());
        return jdbc.sql(SELECT + where + " order by m.archived_on desc, m.id desc limit :limit offset :offset")
                .params(p).query(MAPPER).list();
    }

    public long count(TreePath subtree, ArchiveStatus status) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("select count(*) from member_archive m" + where(subtree, status, p)).params(p)
                .query(Long.class).single();
    }

    /** Suspended records of a subtree whose two years are over on {@code today}: 除名 is due (R5). */
    public List<ArchivedRow> suspendedSince(TreePath subtree, LocalDate suspendedBy, int limit) {
        return jdbc.sql(SELECT + " where m.archive_status = 'SUSPENDED' and m.archived_on <= ?"
                        + " and m.org_path >= ? and m.org_path < ? order by m.archived_on, m.id limit ?")
                .params(suspendedBy, subtree.value(), subtree.upperBound(), limit).query(MAPPER).list();
    }

    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        SubtreeRewrite.rewrite(jdbc, "member_archive", oldPath, newPath, newRootId);
    }

    private static String where(TreePath subtree, ArchiveStatus status, Map<String, Object> p) {
        p.put("from", subtree.value());
        p.put("to", subtree.upperBound());
        String where = " where m.org_path >= :from and m.org_path < :to";
        if (status != null) {
            p.put("status", status.name());
            where += " and m.archive_status = :status";
        }
        return where;
    }
}
