package cn.zhibu.member;

import cn.zhibu.platform.input.TextKind;
import cn.zhibu.platform.InvalidInputException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data rows of an import file's first sheet as trimmed text (dates as ISO), after checking the header is the
 * template's. The file passed {@link cn.zhibu.platform.XlsxGuard} at upload, so every cell is of bounded length; the
 * reader still stops one row past the limit rather than reading a sheet of any length.
 */
final class RosterReader {

    private RosterReader() {
    }

    /** At most {@code maxRows + 1} rows: one more than allowed tells the caller the file is too long. */
    static List<String[]> read(Path file, int maxRows) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
             var stream = wb.getFirstSheet().openStream()) {
            var it = stream.iterator();
            if (!it.hasNext()) {
                return rows;
            }
            var header = it.next();
            for (int c = 0; c < RosterTemplate.COLUMNS.size(); c++) {
                String h = c < header.getCellCount() ? header.getCellAsString(c).orElse("").trim() : "";
                if (!h.equals(RosterTemplate.COLUMNS.get(c))) {
                    throw InvalidInputException.of("file", "这不是党员导入模板：第1行第" + (c + 1) + "列应为“"
                            + RosterTemplate.COLUMNS.get(c) + "”，请下载模板后按模板填写");
                }
            }
            while (it.hasNext() && rows.size() <= maxRows) {
                var row = it.next();
                String[] cells = new String[RosterTemplate.COLUMNS.size()];
                boolean any = false;
                for (int c = 0; c < cells.length; c++) {
                    // a row ends at its last filled cell: the columns after it are empty
                    cells[c] = c < row.getCellCount() ? text(row.getCell(c), c) : "";
                    any |= !cells[c].isEmpty();
                }
                if (any && !cells[RosterTemplate.ORG].startsWith("示例：")) {
                    rows.add(cells);
                }
            }
        } catch (ExcelReaderException | IllegalStateException e) {
            throw InvalidInputException.of("file", "无法读取该文件的表格内容，请用 Excel 或 WPS 打开后另存为 .xlsx 再上传");
        }
        return rows;
    }

    private static String text(Cell cell, int column) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        boolean date = column == RosterTemplate.JOINED_ON || column == RosterTemplate.CONVERTED_ON;
        if (cell.getType() == CellType.NUMBER) {
            if (date) {
                return cell.asDate().toLocalDate().toString();
            }
            if (column == RosterTemplate.ID_NUMBER) {
                return "#NUMBER"; // Excel kept only 15 significant digits: the number is lost
            }
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : TextKind.normalize(cell.getText());
    }
}
