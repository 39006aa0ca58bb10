package cn.zhibu.platform.jobs;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.JobRun;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** One run of one job on this node: writes what the job reports to its row, and keeps the files it asked for. */
final class JobRunState<D> implements JobRun<D> {

    private static final long PROGRESS_EVERY_MS = 250;

    private final UUID id;
    private final DataScope scope;
    private final JobRows rows;
    private final JobFiles files;
    private final WorkDirectory work;
    private final JsonMapper json;
    private final List<Path> localCopies = new ArrayList<>();
    private final AtomicLong lastProgressWrite = new AtomicLong();
    private final AtomicLong peakHeapMb = new AtomicLong(Heap.usedMb());
    private volatile D detail;
    private volatile long total;
    private final AtomicLong done = new AtomicLong(-1);

    JobRunState(UUID id, DataScope scope, D detail, long total, JobRows rows, JobFiles files, WorkDirectory work,
                JsonMapper json) {
        this.id = id;
        this.total = total;
        this.scope = scope;
        this.detail = detail;
        this.rows = rows;
        this.files = files;
        this.work = work;
        this.json = json;
    }

    @Override
    public String id() {
        return id.toString();
    }

    @Override
    public DataScope scope() {
        return scope;
    }

    @Override
    public D detail() {
        return detail;
    }

    @Override
    public void state(String state) {
        rows.state(id, state);
    }

    @Override
    public void progress(long done, long total) {
        this.total = total;
        progress(done);
    }

    @Override
    public void progress(long done) {
        this.done.accumulateAndGet(done, Math::max);
        long now = System.currentTimeMillis();
        long last = lastProgressWrite.get();
        if (now - last >= PROGRESS_EVERY_MS && lastProgressWrite.compareAndSet(last, now)) {
            rows.progress(id, this.done.get(), total, sampleHeap());
        }
    }

    /** Stores the last progress reported, which the throttle may have held back. */
    void flushProgress() {
        if (done.get() >= 0) {
            rows.progress(id, done.get(), total, sampleHeap());
        }
    }

    @Override
    public void save(D detail) {
        this.detail = detail;
        rows.detail(id, json.writeValueAsString(detail));
    }

    @Override
    public OutputStream createFile(String name) {
        return files.create(id, name);
    }

    @Override
    public InputStream openFile(String name) {
        return files.open(id, name);
    }

    @Override
    public Path localCopy(String name) throws IOException {
        Path copy = work.write(id, name, files.open(id, name));
        synchronized (localCopies) {
            localCopies.add(copy);
        }
        return copy;
    }

    long sampleHeap() {
        return peakHeapMb.accumulateAndGet(Heap.usedMb(), Math::max);
    }

    void deleteLocalCopies() {
        synchronized (localCopies) {
            localCopies.forEach(work::delete);
            localCopies.clear();
        }
    }
}
