package cn.zhibu.member.internal;

import cn.zhibu.platform.db.CopyStream;
import cn.zhibu.platform.db.CopyText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Many new members at once by COPY, on the caller's transaction: all of them or, on any failure, none. */
@Repository
public class MemberBulkLoad {

    private static final String COLUMNS = "id, org_id, org_path, root_id, name, name_pinyin, name_initials, gender,"
            + " ethnicity, birth_date, id_number_enc, id_number_hash, phone_enc, phone_hash, id_number_masked,"
            + " phone_masked, education, occupation, status, joined_on, converted_on, job_title, work_unit";

    /** A member row to load, with its lookup hashes. */
    public record NewMember(MemberRow row, byte[] idHash, byte[] phoneHash) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    MemberBulkLoad(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public List<Long> nextIds(int n) {
        return jdbc.sql("select nextval('member_seq') from generate_series(1, ?)").param(n).query(Long.class).list();
    }

    public long load(List<NewMember> members) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CopyStream copy = CopyStream.open(connection, "member", COLUMNS)) {
            CopyText text = new CopyText(1 << 20);
            for (NewMember n : members) {
                MemberRow m = n.row();
                text.number(m.id()).tab().number(m.orgId()).tab().text(m.orgPath()).tab().number(m.rootId()).tab()
                        .text(m.name()).tab().text(m.namePinyin()).tab().text(m.nameInitials()).tab()
                        .text(m.gender().name()).tab().text(m.ethnicity()).tab().date(m.birthDate()).tab()
                        .bytea(m.idNumberEnc()).tab().bytea(n.idHash()).tab().bytea(m.phoneEnc()).tab()
                        .bytea(n.phoneHash()).tab().text(m.idNumberMasked()).tab().text(m.phoneMasked()).tab()
                        .text(m.education().name()).tab().text(m.occupation().name()).tab()
                        .text(m.status().name()).tab().date(m.joinedOn()).tab().date(m.convertedOn()).tab()
                        .text(m.jobTitle()).tab().text(m.workUnit()).endRow();
                copy.sendIfFull(text);
            }
            copy.send(text);
            return copy.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("批量写入党员失败：" + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
