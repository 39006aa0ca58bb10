package cn.zhibu.platform.audit;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The audit entries as a workbook, one row each, as the audit page shows them (in Chinese), with the codes beside. */
final class AuditExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> HEADER = List.of("时间", "操作人", "操作", "对象类型", "对象", "对象编号", "修改内容",
            "操作代码", "记录编号（链-序号）");

    private AuditExport() {
    }

    static byte[] xlsx(List<AuditEntryView> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Zhibu", "1.0");
            Worksheet sheet = workbook.newWorksheet("审计日志");
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.inlineString(0, c, HEADER.get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
            ZoneId zone = ZoneId.systemDefault();
            int r = 1;
            for (AuditEntryView e : entries) {
                // inline strings only: a value starting with "=" stays text, never a formula
                sheet.inlineString(r, 0, TIME.format(e.at().atZone(zone)));
                sheet.inlineString(r, 1, e.actorName());
                sheet.inlineString(r, 2, e.actionLabel());
                sheet.inlineString(r, 3, e.entityLabel());
                sheet.inlineString(r, 4, e.recordName() == null ? "" : e.recordName());
                sheet.inlineString(r, 5, e.entityId() == null ? "" : e.entityId());
                sheet.inlineString(r, 6, changes(e));
                sheet.inlineString(r, 7, e.action());
                sheet.inlineString(r, 8, e.chain() + "-" + e.seq());
                r++;
            }
            sheet.width(0, 20);
            sheet.width(6, 80);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One line per field: "姓名：张三 → 张珊" for a change, the value alone for a creation or a deletion. */
    static String changes(AuditEntryView e) {
        return e.changes().stream().map(c -> c.label() + "：" + switch (e.changeKind()) {
                    case "新增" -> c.after();
                    case "删除" -> c.before();
                    default -> shown(c.before()) + " → " + shown(c.after());
                })
                .collect(Collectors.joining("\n"));
    }

    private static String shown(String value) {
        return value == null ? "（空）" : value;
    }
}
