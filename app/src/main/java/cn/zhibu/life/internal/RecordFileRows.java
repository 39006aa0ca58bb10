package cn.zhibu.life.internal;

import cn.zhibu.life.RecordFile;
import cn.zhibu.platform.FileKind;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The files and photos of a meeting's record; callers check the meeting's scope first. */
@Repository
public class RecordFileRows {

    private static final String COLUMNS = "id, meeting_id, name, content_type, size_bytes, sm3, uploaded_by, uploaded_at";
    private static final RowMapper<RecordFile> MAPPER = (rs, i) -> {
        String type = rs.getString("content_type");
        FileKind kind = Arrays.stream(FileKind.values()).filter(k -> k.mediaType().equals(type)).findFirst()
                .orElse(null);
        return new RecordFile(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("name"), type,
                kind == null ? type : kind.label(), kind == FileKind.JPEG || kind == FileKind.PNG,
                rs.getInt("size_bytes"), Hex.toHexString(rs.getBytes("sm3")), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", Timestamp.class).toInstant());
    };

    private final JdbcClient jdbc;

    RecordFileRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long meetingId, String name, String contentType, byte[] content, byte[] sm3, String by) {
        return jdbc.sql("""
                        insert into life_record_file (meeting_id, name, content_type, size_bytes, sm3, content,
                          uploaded_by) values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(meetingId, name, contentType, content.length, sm3, content, by).query(Long.class).single();
    }

    public List<RecordFile> of(long meetingId) {
        return jdbc.sql("select " + COLUMNS + " from life_record_file where meeting_id = ? order by id")
                .param(meetingId).query(MAPPER).list();
    }

    public int count(long meetingId) {
        return jdbc.sql("select count(*) from life_record_file where meeting_id = ?").param(meetingId)
                .query(Integer.class).single();
    }

    public Optional<RecordFile> find(long meetingId, long id) {
        return jdbc.sql("select " + COLUMNS + " from life_record_file where meeting_id = ? and id = ?")
                .params(meetingId, id).query(MAPPER).optional();
    }

    public byte[] content(long id) {
        return jdbc.sql("select content from life_record_file where id = ?").param(id).query(byte[].class).single();
    }

    public void delete(long id) {
        jdbc.sql("delete from life_record_file where id = ?").param(id).update();
    }
}
