package cn.zhibu.learning.exam;

import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.TextKind;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The question sheet: the import template, the reading of an upload, and the export (the same columns). */
public final class BankSheet {

    public static final List<String> COLUMNS = List.of("题型", "知识点", "题干", "选项A", "选项B", "选项C", "选项D",
            "选项E", "选项F", "选项G", "选项H", "答案", "解析", "分值");
    static final int FIRST_OPTION = 3;
    static final int ANSWER = 11;
    /** The column a field of {@link QuestionCheck} is read from, for the row report. */
    static final Map<String, String> FIELD_COLUMNS = Map.of("kind", "题型", "topic", "知识点", "stem", "题干",
            "options", "选项", "answer", "答案", "explanation", "解析", "score", "分值");

    private BankSheet() {
    }

    public static byte[] template() {
        return write(List.of(
                row("单选题", "党章", "示例：党的最高领导机关是（导入前删除示例行）", List.of("党的全国代表大会和它所产生的中央委员会",
                        "中央政治局", "中央书记处"), "A", "党章第十条", "2"),
                row("多选题", "党章", "示例：党员的义务包括", List.of("认真学习", "贯彻执行党的基本路线", "享有表决权"), "AB", "", "2"),
                row("判断题", "党规", "示例：预备党员的预备期为一年。", List.of(), "正确", "", "1"),
                row("填空题", "党史", "示例：中国共产党成立于____年。", List.of(), "1921|一九二一", "多种写法用“|”分隔", "1")),
                true);
    }

    public static byte[] export(List<Question> questions) {
        List<String[]> rows = new ArrayList<>();
        for (Question q : questions) {
            rows.add(row(q.kind().label(), q.topic(), q.stem(), q.kind() == QuestionKind.TRUE_FALSE ? List.of()
                    : q.options(), q.key().replace(" / ", "|"), q.explanation(), Integer.toString(q.score())));
        }
        return write(rows, false);
    }

    private static String[] row(String kind, String topic, String stem, List<String> options, String answer,
                                String explanation, String score) {
        String[] r = new String[COLUMNS.size()];
        r[0] = kind;
        r[1] = topic;
        r[2] = stem;
        for (int i = 0; i < 8; i++) {
            r[FIRST_OPTION + i] = i < options.size() ? options.get(i) : "";
        }
        r[ANSWER] = answer;
        r[12] = explanation == null ? "" : explanation;
        r[13] = score;
        return r;
    }

    private static byte[] write(List<String[]> rows, boolean withHelp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            Worksheet sheet = wb.newWorksheet("试题");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.inlineString(0, c, COLUMNS.get(c));
                sheet.style(0, c).bold().set();
                sheet.width(c, c == 2 ? 40 : 14);
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    sheet.inlineString(r + 1, c, rows.get(r)[c]);
                }
            }
            sheet.freezePane(0, 1);
            if (withHelp) {
                Worksheet help = wb.newWorksheet("填写说明");
                List<String[]> lines = List.of(
                        new String[]{"题型", "单选题、多选题、判断题、填空题"},
                        new String[]{"知识点", "必填，至多" + QuestionCheck.TOPIC_LIMIT + "字；抽题规则按知识点抽取"},
                        new String[]{"题干", "必填，至多" + QuestionCheck.STEM_LIMIT + "字"},
                        new String[]{"选项A–H", "选择题填写2至8个选项；判断题、填空题不填"},
                        new String[]{"答案", "单选题一个字母（如 B）；多选题多个字母（如 ACD）；判断题“正确”或“错误”；填空题为正确答案，"
                                + "几种写法用“|”分隔（比较时忽略首尾空格、全角半角和大小写）"},
                        new String[]{"解析", "可选，考试结束后供查看"},
                        new String[]{"分值", "可选，1至100的整数，默认1分；考试的抽题规则可另定每题分值"});
                for (int r = 0; r < lines.size(); r++) {
                    help.inlineString(r, 0, lines.get(r)[0]);
                    help.inlineString(r, 1, lines.get(r)[1]);
                }
                help.width(1, 100);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The rows of the first sheet as text (the header checked, empty and example rows left out), with their row numbers. */
    static List<Row> read(Path file, int maxRows) throws IOException {
        List<Row> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile()); var stream = wb.getFirstSheet().openStream()) {
            var it = stream.iterator();
            if (!it.hasNext()) {
                return out;
            }
            var header = it.next();
            for (int c = 0; c < COLUMNS.size(); c++) {
                String h = c < header.getCellCount() ? header.getCellAsString(c).orElse("").trim() : "";
                if (!h.equals(COLUMNS.get(c))) {
                    throw InvalidInputException.of("file", "这不是试题导入模板：第1行第" + (c + 1) + "列应为“"
                            + COLUMNS.get(c) + "”，请下载模板后按模板填写");
                }
            }
            while (it.hasNext()) {
                var row = it.next();
                String[] cells = new String[COLUMNS.size()];
                boolean any = false;
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = c < row.getCellCount() ? text(row.getCell(c)) : "";
                    any |= !cells[c].isEmpty();
                }
                if (any && !cells[2].startsWith("示例：")) {
                    if (out.size() >= maxRows) {
                        throw InvalidInputException.of("file", "一次至多导入" + maxRows + "道题，请拆分文件");
                    }
                    out.add(new Row(row.getRowNum(), cells));
                }
            }
        } catch (ExcelReaderException | IllegalStateException e) {
            throw InvalidInputException.of("file", "无法读取该文件的表格内容，请用 Excel 或 WPS 打开后另存为 .xlsx 再上传");
        }
        return out;
    }

    /** A row of the sheet: its number as Excel shows it, and its cells as text. */
    record Row(int number, String[] cells) {

        QuestionDraft draft() {
            List<String> options = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                options.add(cells[FIRST_OPTION + i]);
            }
            Integer score = null;
            String s = cells[13];
            if (!s.isEmpty()) {
                try {
                    score = new java.math.BigDecimal(s).intValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    score = -1;
                }
            }
            return new QuestionDraft(QuestionKind.parse(cells[0]).orElse(null), cells[1], cells[2], options,
                    cells[ANSWER], cells[12], score);
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : TextKind.normalize(cell.getText());
    }
}
