package cn.zhibu.learning.exam.web;

import cn.zhibu.learning.exam.Exam;
import cn.zhibu.learning.exam.ExamResult;
import cn.zhibu.platform.PlatformClock;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An exam's results per member as an .xlsx. */
final class ResultsSheet {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);
    private static final List<String> COLUMNS = List.of("姓名", "所在党组织", "答题次数", "最高分", "是否及格", "首次及格时间");

    private ResultsSheet() {
    }

    static byte[] write(Exam exam, List<ExamResult> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            Worksheet sheet = wb.newWorksheet("成绩");
            sheet.inlineString(0, 0, exam.title() + "（总分" + exam.maxScore() + "，及格分" + exam.passMark() + "）");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.inlineString(1, c, COLUMNS.get(c));
                sheet.style(1, c).bold().set();
                sheet.width(c, c == 1 ? 30 : 14);
            }
            int r = 2;
            for (ExamResult x : results) {
                sheet.inlineString(r, 0, x.memberName());
                sheet.inlineString(r, 1, x.orgName());
                sheet.value(r, 2, x.attempts());
                if (x.bestScore() != null) {
                    sheet.value(r, 3, x.bestScore());
                }
                sheet.inlineString(r, 4, x.passed() ? "及格" : "未及格");
                sheet.inlineString(r, 5, x.firstPassedAt() == null ? "" : TIME.format(x.firstPassedAt()));
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
