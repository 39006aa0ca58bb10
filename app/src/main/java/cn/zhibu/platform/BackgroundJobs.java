package cn.zhibu.platform;

import cn.zhibu.platform.jobs.JobFiles;
import cn.zhibu.platform.jobs.JobRow;
import cn.zhibu.platform.jobs.JobRows;
import cn.zhibu.platform.jobs.JobRunner;
import cn.zhibu.platform.jobs.WorkDirectory;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Background work for every module: a job is a row (state, progress, owner, result) and its files are chunks in the
 * database; db-scheduler runs it once, on whichever node of the cluster picks it up. So a job started on one node is
 * polled and downloaded on any other, survives the restart of the node that queued it, and a restart of the node that
 * ran it fails it with a clear message ({@code 任务因服务重启中断，请重新提交}). Finished jobs and their files are kept
 * for {@code zhibu.jobs.keep} (an hour) and then deleted.
 */
@Service
public class BackgroundJobs {

    private final JobRows rows;
    private final JobFiles files;
    private final JsonMapper json;
    private final WorkDirectory work;
    private final ObjectProvider<SchedulerClient> scheduler;

    BackgroundJobs(JobRows rows, JobFiles files, JsonMapper json, WorkDirectory work,
                   ObjectProvider<SchedulerClient> scheduler) {
        this.rows = rows;
        this.files = files;
        this.json = json;
        this.work = work;
        this.scheduler = scheduler;
    }

    /**
     * Saves an upload to this node's work directory (owner-only), to be checked before it becomes a job: reading
     * stops, and the upload is refused (413, {@code tooLarge}), as soon as it passes {@code maxBytes}. Close the
     * result to delete the file.
     */
    public Received receive(InputStream upload, long maxBytes, String field, String tooLarge) throws IOException {
        Path file = work.write(UUID.randomUUID(), "upload", new LimitedInput(upload, maxBytes, field, tooLarge));
        return new Received(file, Files.size(file), () -> work.delete(file));
    }

    /** An upload in the work directory; closing deletes it. */
    public static final class Received implements AutoCloseable {
        private final Path path;
        private final long size;
        private final Runnable delete;

        private Received(Path path, long size, Runnable delete) {
            this.path = path;
            this.size = size;
            this.delete = delete;
        }

        public Path path() {
            return path;
        }

        public long size() {
            return size;
        }

        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public void close() {
            delete.run();
        }
    }

    /** Reads at most {@code max} bytes, then refuses the input as too large. */
    private static final class LimitedInput extends java.io.FilterInputStream {
        private final long max;
        private final String field;
        private final String tooLarge;
        private long count;

        LimitedInput(InputStream in, long max, String field, String tooLarge) {
            super(in);
            this.max = max;
            this.field = field;
            this.tooLarge = tooLarge;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new PayloadTooLargeException(field, tooLarge);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, max - count + 1));
            if (n > 0 && (count += n) > max) {
                throw new PayloadTooLargeException(field, tooLarge);
            }
            return n;
        }
    }

    /** A file a job is started with: its name among the job's files and its content. */
    public record Attachment(String name, InputStream content) {
    }

    /** Queues a job of the handler's kind for the caller, in {@code state}, with the module's record. */
    public <D> BackgroundJob<D> submit(JobHandler<D> handler, DataScope scope, String state, long total, D detail) {
        return submit(handler, scope, state, total, detail, null, null);
    }

    /** Queues a job with a file (an upload): the file is in the database before any node can pick the job. */
    public <D> BackgroundJob<D> submit(JobHandler<D> handler, DataScope scope, String state, long total, D detail,
                                       Attachment file) {
        return submit(handler, scope, state, total, detail, file, null);
    }

    /** Queues a job that works on a copy of another job's file (e.g. the good rows of a checked upload). */
    public <D> BackgroundJob<D> submitWithFileOf(JobHandler<D> handler, DataScope scope, String state, long total,
                                                 D detail, String fromJobId, String fileName) {
        return submit(handler, scope, state, total, detail, new Attachment(fileName, null), UUID.fromString(fromJobId));
    }

    private <D> BackgroundJob<D> submit(JobHandler<D> handler, DataScope scope, String state, long total, D detail,
                                        Attachment file, UUID copyFrom) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            throw new IllegalStateException("后台任务调度未启用（db-scheduler.enabled=false）");
        }
        UUID id = UUID.randomUUID();
        rows.insert(id, handler.kind(), scope.actorId(), json.writeValueAsString(scope), state, total,
                json.writeValueAsString(detail));
        try {
            if (copyFrom != null) {
                files.copy(copyFrom, id, file.name());
            } else if (file != null) {
                try (InputStream in = file.content(); OutputStream out = files.create(id, file.name())) {
                    in.transferTo(out);
                }
            }
            client.schedule(new TaskInstance<Void>(JobRunner.TASK, id.toString()), Instant.now());
        } catch (IOException | RuntimeException e) {
            rows.finish(id, BackgroundJob.FAILED, "任务未能提交，请重新提交", null, 0);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
        return find(handler, id.toString(), scope.actorId()).orElseThrow();
    }

    /** The caller's job of this kind; empty for an unknown id, another kind, or a job of someone else. */
    public <D> Optional<BackgroundJob<D>> find(JobHandler<D> handler, String id, long ownerId) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return rows.find(uuid).filter(r -> r.kind().equals(handler.kind()) && r.ownerId() == ownerId)
                .map(r -> toJob(r, handler.detailType()));
    }

    /** How many of the caller's jobs of this kind are queued or running. */
    public long unfinished(JobHandler<?> handler, long ownerId) {
        return rows.countUnfinished(handler.kind(), ownerId);
    }

    /** A file of a job the caller has found (see {@link #find}): its size and its content, read chunk by chunk. */
    public Optional<StoredFile> file(BackgroundJob<?> job, String name) {
        UUID id = UUID.fromString(job.id());
        long size = files.size(id, name);
        return size < 0 ? Optional.empty() : Optional.of(new StoredFile(size, files.open(id, name)));
    }

    public record StoredFile(long size, InputStream content) {
    }

    private <D> BackgroundJob<D> toJob(JobRow r, Class<D> type) {
        return new BackgroundJob<>(r.id().toString(), r.kind(), r.ownerId(), r.state(), r.progress(), r.total(),
                r.message(), json.readValue(r.detailJson(), type), r.node(), r.peakHeapMb(), r.createdAt(),
                r.updatedAt(), r.finishedAt());
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
