package cn.zhibu.dues.web;

import cn.zhibu.dues.BranchDues;
import cn.zhibu.dues.DuesBillLine;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A month's bills of an organization as a workbook: a title line, the totals, then one bill per row. */
final class DuesBillsExport {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final List<String> HEADER = List.of("序号", "姓名", "月份", "应交（元）", "已交（元）", "状态",
            "正当理由", "连续未交月数");

    private DuesBillsExport() {
    }

    static String fileName(BranchDues dues) {
        return dues.orgName() + "-党费-" + dues.month() + ".xlsx";
    }

    static byte[] xlsx(BranchDues dues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Zhibu", "1.0");
            Worksheet sheet = workbook.newWorksheet("党费账单");
            // inline strings only: a name or a reason starting with "=" stays text, never a formula
            sheet.inlineString(0, 0, dues.orgName() + " " + dues.month() + " 党费账单（应交" + dues.due().toPlainString()
                    + "元，实交" + dues.paid().toPlainString() + "元"
                    + (dues.ratePercent() == null ? "" : "，收缴率" + dues.ratePercent().toPlainString() + "%") + "）"
                    + (dues.billsTruncated() ? "（仅前" + dues.billLines().size() + "条，请按下级组织分别导出）" : ""));
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.inlineString(1, c, HEADER.get(c));
                sheet.style(1, c).bold().set();
            }
            sheet.freezePane(0, 2);
            int r = 2;
            for (DuesBillLine b : dues.billLines()) {
                sheet.value(r, 0, r - 1);
                sheet.inlineString(r, 1, b.name());
                sheet.inlineString(r, 2, b.month().toString());
                sheet.value(r, 3, b.amount());
                sheet.value(r, 4, b.paid());
                sheet.inlineString(r, 5, b.statusLabel());
                sheet.inlineString(r, 6, b.justified() == null ? "" : b.justified());
                sheet.value(r, 7, b.arrearsMonths());
                r++;
            }
            sheet.width(1, 16);
            sheet.width(6, 30);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
