package cn.zhibu.dues;

import java.util.List;

/**
 * An upload of bases as its submitter follows it: CHECKING, IMPORTING, DONE or REJECTED (with the problems, and
 * nothing imported unless the good rows were asked for), FAILED.
 */
public record BaseImportJob(String id, String fileName, String status, String message, long rows, long checked,
                            long errorRows, long imported, boolean onlyValidRows, List<BaseRowError> errors,
                            boolean finished) {

    public static final String CHECKING = "CHECKING";
    public static final String IMPORTING = "IMPORTING";
    public static final String DONE = "DONE";
    public static final String REJECTED = "REJECTED";

    /** One problem: the sheet's row, the column (by its heading) and why, in Chinese. */
    public record BaseRowError(int row, String column, String message) {
    }
}
