package cn.zhibu.learning.views.web;

import cn.zhibu.learning.views.LearningRollup;
import cn.zhibu.learning.views.LearningRollupRow;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A committee's year of learning as a workbook: a title line, the header, the whole subtree, then each child. */
final class LearningRollupExport {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private LearningRollupExport() {
    }

    static String fileName(LearningRollup rollup) {
        return rollup.orgName() + "-学习汇总-" + rollup.year() + ".xlsx";
    }

    static byte[] xlsx(LearningRollup rollup) {
        List<String> header = new ArrayList<>(List.of("党组织", "类型", "党员数", "参学人数", "学时合计", "人均学时",
                "达标人数", "达标率（%）"));
        if (rollup.course() != null) {
            header.add("《" + rollup.course().title() + "》完成人数");
            header.add("完成率（%）");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Zhibu", "1.0");
            Worksheet sheet = workbook.newWorksheet("学习汇总");
            // inline strings only: a name starting with "=" stays text, never a formula
            sheet.inlineString(0, 0, rollup.orgName() + " " + rollup.year() + "年党员学习情况汇总（含全部下级组织）");
            for (int c = 0; c < header.size(); c++) {
                sheet.inlineString(1, c, header.get(c));
                sheet.style(1, c).bold().set();
            }
            sheet.freezePane(0, 2);
            int r = 2;
            write(sheet, r++, rollup.total(), "（合计）", rollup.course() != null);
            for (LearningRollupRow row : rollup.children()) {
                write(sheet, r++, row, "", rollup.course() != null);
            }
            sheet.width(0, 30);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet sheet, int r, LearningRollupRow row, String suffix, boolean course) {
        sheet.inlineString(r, 0, row.name() + suffix);
        sheet.inlineString(r, 1, row.typeLabel());
        sheet.value(r, 2, row.members());
        sheet.value(r, 3, row.studied());
        sheet.value(r, 4, row.hours());
        number(sheet, r, 5, row.hoursPerMember());
        sheet.value(r, 6, row.met());
        number(sheet, r, 7, row.metPercent());
        if (course) {
            sheet.value(r, 8, row.courseDone());
            number(sheet, r, 9, row.coursePercent());
        }
    }

    private static void number(Worksheet sheet, int r, int c, BigDecimal value) {
        if (value == null) {
            sheet.inlineString(r, c, "—");
        } else {
            sheet.value(r, c, value);
        }
    }
}
