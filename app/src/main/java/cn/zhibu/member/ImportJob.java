package cn.zhibu.member;

import java.time.Instant;
import java.util.List;

/**
 * One roster import as it runs. {@code REJECTED}: the file has errors and nothing was imported (the report says
 * which row and column, and why); {@code DONE}: {@code imported} rows are in the registry.
 */
public record ImportJob(String id, long ownerId, String fileName, String status, long rows, long checked,
                        long errorRows, long imported, boolean onlyValidRows, Instant startedAt, long elapsedMs,
                        long peakHeapMb, List<RowError> firstErrors, String message) {

    public static final String CHECKING = "CHECKING";
    public static final String IMPORTING = "IMPORTING";
    public static final String DONE = "DONE";
    public static final String REJECTED = "REJECTED";
    public static final String FAILED = "FAILED";

    /** One problem of one row: the spreadsheet row number (header is row 1), the column, and why. */
    public record RowError(int row, String column, String message) {
    }

    public boolean finished() {
        return DONE.equals(status) || REJECTED.equals(status) || FAILED.equals(status);
    }

    public int percent() {
        if (finished()) {
            return 100;
        }
        return rows == 0 ? 0 : (int) Math.min(99, checked * 100 / rows);
    }
}
