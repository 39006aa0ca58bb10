package cn.zhibu.dues;

import cn.zhibu.dues.internal.DuesReadRecords;
import cn.zhibu.member.Member;
import cn.zhibu.platform.ArchivalPdf;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.PdfFonts;
import cn.zhibu.platform.PdfQrCode;
import cn.zhibu.platform.PublicAddress;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;

/**
 * A member's annual dues statement (党费交纳情况证明) as a PDF/A-1b with a verification QR code, the 介绍信 pattern:
 * the link carries the member, the year and a keyed code derived from both, so statements cannot be enumerated; the
 * check page shows the year's figures as the ledger holds them now.
 */
@Service
public class DuesStatements {

    private final DuesReadRecords records;
    private final DuesMemberAccess access;
    private final FieldCipher cipher;
    private final PublicAddress publicAddress;

    DuesStatements(DuesReadRecords records, DuesMemberAccess access, FieldCipher cipher, PublicAddress publicAddress) {
        this.records = records;
        this.access = access;
        this.cipher = cipher;
        this.publicAddress = publicAddress;
    }

    /** The check code of a member's statement of a year: 12 hex digits of a keyed hash. */
    public String code(long memberId, int year) {
        return HexFormat.of().formatHex(cipher.lookupHash("党费年度证明:" + memberId + ":" + year)).substring(0, 12);
    }

    public String link(long memberId, int year) {
        return publicAddress.base() + "/verify/dues/" + memberId + "/" + year + "?c=" + code(memberId, year);
    }

    /** The statement of a member the caller may see (their own, or one they manage). */
    public byte[] pdf(DataScope scope, long memberId, int year) {
        checkYear(year);
        Member m = access.readableMember(scope, memberId).member();
        Year y = year(memberId, year);
        try {
            return render(m, y, link(memberId, year));
        } catch (DocumentException e) {
            throw new IllegalStateException("党费证明生成失败：" + e.getMessage(), e);
        }
    }

    /** The public check: 404 unless the code matches. */
    public StatementCheck check(long memberId, int year, String code) {
        if (code == null || year < 2000 || year > 2100 || !code.equals(code(memberId, year))) {
            throw new NotFoundException("未找到该党费证明，请核对二维码");
        }
        // the public check reads as the system: the code, not a login, is what entitles the reader
        Member who = access.readableMember(DataScope.system("党费证明核验"), memberId).member();
        Year y = year(memberId, year);
        String masked = who.name().substring(0, 1) + "*".repeat(Math.max(1, who.name().length() - 1));
        return new StatementCheck(masked, who.orgName(), year, y.due(), y.paid(), y.due().subtract(y.paid()),
                y.extra(), y.monthsPaid(), y.monthsOpen(), LocalDate.now());
    }

    private record Year(int year, List<DuesBillLine> bills, List<DuesEntryLine> entries, BigDecimal due,
                        BigDecimal paid, BigDecimal extra, int monthsPaid, int monthsOpen) {
    }

    private Year year(long memberId, int year) {
        List<DuesBillLine> bills = records.memberBills(memberId, YearMonth.of(year, 1), YearMonth.of(year, 12)).stream()
                .filter(b -> !"VOID".equals(b.status())).toList();
        List<DuesEntryLine> entries = records.memberEntries(memberId, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        BigDecimal due = bills.stream().map(DuesBillLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = bills.stream().map(DuesBillLine::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal extra = entries.stream().filter(e -> "EXTRA".equals(e.kind())).map(DuesEntryLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int monthsPaid = (int) bills.stream().filter(b -> "PAID".equals(b.status())).count();
        int monthsOpen = (int) bills.stream().filter(b -> "OPEN".equals(b.status())).count();
        return new Year(year, bills, entries, due, paid, extra, monthsPaid, monthsOpen);
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "年份应在2000至2100之间");
        }
    }

    private static byte[] render(Member m, Year y, String link) throws DocumentException {
        BaseFont song = PdfFonts.serif();
        Font title = new Font(song, 18, Font.BOLD);
        Font text = new Font(song, 11);
        Font head = new Font(song, 10, Font.BOLD);
        Font cell = new Font(song, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 48, 120);
        doc.addTitle("党费交纳情况证明 " + m.name() + " " + y.year() + "年");
        PdfWriter writer = ArchivalPdf.open(doc, out);
        Paragraph t = new Paragraph(y.year() + "年度党费交纳情况证明", title);
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingAfter(12);
        doc.add(t);
        doc.add(new Paragraph("党员：" + m.name() + "　　所在党组织：" + m.orgName(), text));
        doc.add(new Paragraph(y.year() + "年应交党费" + y.due().toPlainString() + "元，已交" + y.paid().toPlainString()
                + "元" + (y.monthsOpen() > 0 ? "，尚有" + y.monthsOpen() + "个月未交（"
                + y.due().subtract(y.paid()).toPlainString() + "元）" : "，已全部交清")
                + (y.extra().signum() > 0 ? "；自愿多交" + y.extra().toPlainString() + "元" : "") + "。", text));
        PdfPTable table = new PdfPTable(new float[]{2, 2, 2, 3});
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        for (String h : List.of("月份", "应交（元）", "已交（元）", "状态")) {
            table.addCell(new PdfPCell(new Phrase(h, head)));
        }
        for (DuesBillLine b : y.bills()) {
            table.addCell(new Phrase(DuesMonths.label(b.month()), cell));
            table.addCell(new Phrase(b.amount().toPlainString(), cell));
            table.addCell(new Phrase(b.paid().toPlainString(), cell));
            table.addCell(new Phrase(b.statusLabel(), cell));
        }
        if (y.bills().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("本年度没有党费账单", cell));
            none.setColspan(4);
            table.addCell(none);
        }
        doc.add(table);
        if (!y.entries().isEmpty()) {
            doc.add(new Paragraph(" ", text));
            doc.add(new Paragraph("交纳记录", head));
            for (DuesEntryLine e : y.entries()) {
                doc.add(new Paragraph(e.paidOn() + "　" + e.kindLabel() + "　" + e.amount().toPlainString() + "元"
                        + (e.months().isEmpty() ? "" : "　（" + String.join("、", e.months()) + "）")
                        + (e.receiptNo() == null ? "" : "　收据" + e.receiptNo()), cell));
            }
        }
        Paragraph issued = new Paragraph("出具日期：" + LocalDate.now() + "（依据支部平台党费账目）", text);
        issued.setAlignment(Element.ALIGN_RIGHT);
        issued.setSpacingBefore(18);
        doc.add(issued);
        PdfQrCode.draw(writer.getDirectContent(), link, 56, 30, 2.0f, song, "扫码在支部平台核验本证明（显示当前账目）");
        doc.close();
        return out.toByteArray();
    }
}
