package cn.zhibu.learning.exam;

import java.util.List;

/**
 * What an import of questions did: the rows read, those imported (none when a row is bad and the good rows only were
 * not asked for), and each problem by row and column.
 */
public record BankImportReport(int rows, int imported, boolean onlyValidRows, List<QuestionRowError> errors) {

    /** One problem: the sheet's row (the header is row 1), the column by its heading, and why. */
    public record QuestionRowError(int row, String column, String message) {
    }

    public int errorRows() {
        return (int) errors.stream().mapToInt(QuestionRowError::row).distinct().count();
    }
}
