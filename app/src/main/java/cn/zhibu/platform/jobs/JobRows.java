package cn.zhibu.platform.jobs;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The background_job table. Every write stamps updated_at and commits on its own (a job reports progress from inside
 * its own work, e.g. a read-only transaction, and polls on other nodes must see it at once); a finished job is never
 * changed again.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class JobRows {

    private static final RowMapper<JobRow> MAPPER = (rs, i) -> new JobRow(rs.getObject("id", UUID.class),
            rs.getString("kind"), rs.getLong("owner_id"), rs.getString("scope"), rs.getString("state"),
            rs.getLong("progress"), rs.getLong("total"), rs.getString("message"), rs.getString("detail"),
            rs.getString("node"), rs.getLong("peak_heap_mb"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), instant(rs.getTimestamp("finished_at")));

    private final JdbcClient jdbc;

    JobRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public void insert(UUID id, String kind, long ownerId, String scopeJson, String state, long total,
                       String detailJson) {
        jdbc.sql("""
                        insert into background_job(id, kind, owner_id, scope, state, total, detail)
                        values (?, ?, ?, ?::jsonb, ?, ?, ?::jsonb)""")
                .params(id, kind, ownerId, scopeJson, state, total, detailJson).update();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<JobRow> find(UUID id) {
        return jdbc.sql("select * from background_job where id = ?").param(id).query(MAPPER).optional();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public long countUnfinished(String kind, long ownerId) {
        return jdbc.sql("select count(*) from background_job where owner_id = ? and kind = ? and finished_at is null")
                .params(ownerId, kind).query(Long.class).single();
    }

    /** Marks the job as taken by this node; false when it is over already (failed as interrupted, say). */
    public boolean start(UUID id, String node) {
        return jdbc.sql("update background_job set node = ?, updated_at = now() where id = ? and finished_at is null")
                .params(node, id).update() == 1;
    }

    public void state(UUID id, String state) {
        jdbc.sql("update background_job set state = ?, updated_at = now() where id = ? and finished_at is null")
                .params(state, id).update();
    }

    public void progress(UUID id, long progress, long total, long peakHeapMb) {
        jdbc.sql("""
                        update background_job set progress = ?, total = ?, peak_heap_mb = greatest(peak_heap_mb, ?),
                          updated_at = now() where id = ? and finished_at is null""")
                .params(progress, total, peakHeapMb, id).update();
    }

    public void detail(UUID id, String detailJson) {
        jdbc.sql("update background_job set detail = ?::jsonb, updated_at = now() where id = ? and finished_at is null")
                .params(detailJson, id).update();
    }

    /** Ends the job once: false when it had ended already (a second end changes nothing). */
    public boolean finish(UUID id, String state, String message, String detailJson, long peakHeapMb) {
        return jdbc.sql("""
                        update background_job set state = ?, message = ?, detail = coalesce(?::jsonb, detail),
                          peak_heap_mb = greatest(peak_heap_mb, ?), updated_at = now(), finished_at = now()
                        where id = ? and finished_at is null""")
                .params(state, message, detailJson, peakHeapMb, id).update() == 1;
    }

    /** Fails every unfinished job this node had taken: after a restart none of them is running any more. */
    public List<UUID> failTakenBy(String node, String state, String message) {
        return jdbc.sql("""
                        update background_job set state = ?, message = ?, updated_at = now(), finished_at = now()
                        where node = ? and finished_at is null returning id""")
                .params(state, message, node).query(UUID.class).list();
    }

    /**
     * Fails unfinished jobs that have no execution left in db-scheduler's table (deleted by hand, or lost some other
     * way) and are older than {@code grace}, so no poll waits for them forever.
     */
    public List<UUID> failLost(String taskName, Duration grace, String state, String message) {
        return jdbc.sql("""
                        update background_job j set state = ?, message = ?, updated_at = now(), finished_at = now()
                        where j.finished_at is null and j.created_at < now() - make_interval(secs => ?)
                          and not exists (select 1 from scheduled_tasks t
                                          where t.task_name = ? and t.task_instance = j.id::text)
                        returning j.id""")
                .params(state, message, (double) grace.toSeconds(), taskName).query(UUID.class).list();
    }

    /** Deletes jobs finished more than {@code keep} ago, with their files. */
    public int deleteFinishedBefore(Duration keep) {
        return jdbc.sql("delete from background_job where finished_at < now() - make_interval(secs => ?)")
                .param((double) keep.toSeconds()).update();
    }

    /** Of these ids, the jobs that exist. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<UUID> existingAmong(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from background_job where id::text = any(?)")
                .param(ids.stream().map(UUID::toString).toArray(String[]::new)).query(UUID.class).list();
    }

    /** Of these ids, the jobs that exist and are not finished. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<UUID> unfinishedAmong(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from background_job where finished_at is null and id::text = any(?)")
                .param(ids.stream().map(UUID::toString).toArray(String[]::new)).query(UUID.class).list();
    }
}
