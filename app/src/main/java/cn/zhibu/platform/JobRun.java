package cn.zhibu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** What a running job sees and reports through: its submitter's scope, its record, its progress and its files. */
public interface JobRun<D> {

    String id();

    /** The scope of the user who submitted the job: the job reads and writes only what they may. */
    DataScope scope();

    /** The module's record as submitted (or as last saved). */
    D detail();

    /** A new state while running (CHECKING → IMPORTING …), stored at once. */
    void state(String state);

    /** Work done of the total; stored a few times a second at most, so it may be called for every row. */
    void progress(long done, long total);

    /** Work done of the total given when the job was submitted (or last reported). */
    void progress(long done);

    /** Stores the module's record now (progress polls see it). */
    void save(D detail);

    /** A new file of this job, written in chunks to the database as it is written. Close it to finish. */
    OutputStream createFile(String name) throws IOException;

    /** One of this job's files, read chunk by chunk. */
    InputStream openFile(String name) throws IOException;

    /**
     * A copy of one of this job's files on this node's disk (owner-only, in the jobs work directory), for libraries
     * that need a file; deleted when the run ends.
     */
    Path localCopy(String name) throws IOException;

    /** How the job ended: the final state, a message for the user (or null) and the final record. */
    record Outcome<D>(String state, String message, D detail) {
    }
}
