package cn.zhibu.admission.internal;

import cn.zhibu.admission.CaseDocument;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** The files of a case; callers check the case's scope first. */
@Repository
public class CaseDocuments {

    private static final String COLUMNS =
            "id, case_id, step_id, name, content_type, size_bytes, sm3, uploaded_by, uploaded_at";
    private static final RowMapper<CaseDocument> MAPPER = (rs, i) -> new CaseDocument(rs.getLong("id"),
            rs.getLong("case_id"), rs.getObject("step_id", Long.class), rs.getString("name"),
            rs.getString("content_type"), rs.getInt("size_bytes"), Hex.toHexString(rs.getBytes("sm3")),
            rs.getString("uploaded_by"), rs.getObject("uploaded_at", Timestamp.class).toInstant());

    private final JdbcClient jdbc;

    CaseDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long caseId, Long stepId, String name, String contentType, byte[] content, byte[] sm3,
                       String uploadedBy) {
        return jdbc.sql("""
                        insert into admission_document(case_id, step_id, name, content_type, size_bytes, sm3, content,
                          uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(caseId, stepId, name, contentType, content.length, sm3, content, uploadedBy)
                .query(Long.class).single();
    }

    public List<CaseDocument> of(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from admission_document where case_id = ? order by id").param(caseId)
                .query(MAPPER).list();
    }

    public Optional<CaseDocument> find(long caseId, long id) {
        return jdbc.sql("select " + COLUMNS + " from admission_document where case_id = ? and id = ?")
                .params(caseId, id).query(MAPPER).optional();
    }

    public byte[] content(long id) {
        return jdbc.sql("select content from admission_document where id = ?").param(id).query(byte[].class).single();
    }

    public void delete(long id) {
        jdbc.sql("delete from admission_document where id = ?").param(id).update();
    }
}
