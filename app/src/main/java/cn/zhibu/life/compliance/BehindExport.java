package cn.zhibu.life.compliance;

import cn.zhibu.life.compliance.ComplianceBehindPage.ComplianceBehindOrganization;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The behind list as a workbook: a title line, then one organization per row, in the tree's order. */
final class BehindExport {

    private static final List<String> HEADER = List.of("序号", "组织名称", "组织类型", "上级组织", "未开展");

    private BehindExport() {
    }

    static byte[] xlsx(String orgName, String monthLabel, String kindLabel, List<ComplianceBehindOrganization> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Zhibu", "1.0");
            Worksheet sheet = workbook.newWorksheet("未按要求开展");
            // inline strings only: a name starting with "=" stays text, never a formula
            sheet.inlineString(0, 0, orgName + " " + monthLabel + " 未按要求开展组织生活的组织（" + kindLabel
                    + "，按组织顺序排列，不作排名）");
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.inlineString(1, c, HEADER.get(c));
                sheet.style(1, c).bold().set();
            }
            sheet.freezePane(0, 2);
            int r = 2;
            for (ComplianceBehindOrganization o : rows) {
                sheet.value(r, 0, r - 1);
                sheet.inlineString(r, 1, o.name());
                sheet.inlineString(r, 2, o.typeLabel());
                sheet.inlineString(r, 3, o.parentName() == null ? "" : o.parentName());
                sheet.inlineString(r, 4, String.join("、", o.missing()));
                r++;
            }
            sheet.width(1, 40);
            sheet.width(3, 40);
            sheet.width(4, 50);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
