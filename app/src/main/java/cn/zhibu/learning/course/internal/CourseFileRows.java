package cn.zhibu.learning.course.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code course_file} rows (V41): a stored file's description; its bytes are in the MediaStore. */
@Repository
public class CourseFileRows {

    private final JdbcClient jdbc;

    CourseFileRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long courseId, String storeKey, String kind, String mediaType, String fileName, long sizeBytes,
                       String sha256, Integer mediaSeconds, String by) {
        return jdbc.sql("""
                        insert into course_file (course_id, store_key, kind, media_type, file_name, size_bytes, sha256,
                                                 media_seconds, created_by)
                        values (:course, :key, :kind, :type, :name, :size, :sha, :seconds, :by) returning id""")
                .param("course", courseId).param("key", storeKey).param("kind", kind).param("type", mediaType)
                .param("name", fileName).param("size", sizeBytes).param("sha", sha256).param("seconds", mediaSeconds)
                .param("by", by).query(Long.class).single();
    }

    /** The store key of a file. */
    public String storeKey(long fileId) {
        return jdbc.sql("select store_key from course_file where id = :id").param("id", fileId).query(String.class)
                .single();
    }
}
