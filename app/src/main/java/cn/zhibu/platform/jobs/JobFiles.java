package cn.zhibu.platform.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Job files in the database as 1 MB chunks: written while they are produced and read while they are sent, so a
 * roster export of hundreds of MB never sits whole in memory and any node can serve it.
 */
@Repository
public class JobFiles {

    static final int CHUNK = 1 << 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    JobFiles(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // a chunk is written beside whatever the job is doing: an export writes while it reads in a read-only
        // transaction, so each chunk commits on its own
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The bytes of one file, or -1 when the job has no such file. */
    public long size(UUID job, String name) {
        return jdbc.sql("""
                        select coalesce(sum(octet_length(data)), -1) from background_job_file
                        where job_id = ? and name = ?""")
                .params(job, name).query(Long.class).single();
    }

    /** A new file; what is written goes to the database a chunk at a time (a file written twice is replaced). */
    public OutputStream create(UUID job, String name) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("delete from background_job_file where job_id = ? and name = ?")
                .params(job, name).update());
        return new ChunkOutput(job, name);
    }

    /** Copies a file of one job to another, inside the database. */
    public void copy(UUID from, UUID to, String name) {
        jdbc.sql("""
                        insert into background_job_file(job_id, name, seq, data)
                        select ?, name, seq, data from background_job_file where job_id = ? and name = ?""")
                .params(to, from, name).update();
    }

    public InputStream open(UUID job, String name) {
        return new ChunkInput(job, name);
    }

    private final class ChunkOutput extends OutputStream {
        private final UUID job;
        private final String name;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int seq;
        private boolean closed;

        ChunkOutput(UUID job, String name) {
            this.job = job;
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == CHUNK) {
                flushChunk();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) {
                    flushChunk();
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void flushChunk() throws IOException {
            if (closed) {
                throw new IOException("文件已关闭");
            }
            byte[] data = java.util.Arrays.copyOf(buffer, filled);
            int n = seq++;
            ownTransaction.executeWithoutResult(tx -> jdbc.sql(
                            "insert into background_job_file(job_id, name, seq, data) values (?, ?, ?, ?)")
                    .params(job, name, n, data).update());
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                if (filled > 0 || seq == 0) {
                    flushChunk(); // an empty file is one empty chunk, so that it exists
                }
                closed = true;
            }
        }
    }

    private final class ChunkInput extends InputStream {
        private final UUID job;
        private final String name;
        private byte[] chunk = new byte[0];
        private int pos;
        private int seq;
        private boolean last;

        ChunkInput(UUID job, String name) {
            this.job = job;
            this.name = name;
        }

        private boolean fill() {
            while (pos >= chunk.length) {
                if (last) {
                    return false;
                }
                byte[] next = jdbc.sql("select data from background_job_file where job_id = ? and name = ? and seq = ?")
                        .params(job, name, seq++).query(byte[].class).optional().orElse(null);
                if (next == null) {
                    last = true;
                    return false;
                }
                chunk = next;
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
