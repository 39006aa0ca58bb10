package cn.zhibu.member;

import cn.zhibu.member.internal.MemberArchive;
import cn.zhibu.member.internal.MemberRepository;
import cn.zhibu.member.internal.MemberRow;
import cn.zhibu.member.internal.TransferRecords;
import cn.zhibu.platform.ArchivalPdf;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldCipher;
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
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The 组织关系介绍信 of a transfer as a PDF in the usual layout — 存根 above the cut line, 正文 below — with a QR code
 * that opens the platform's public check of the letter. The check needs the letter number and a keyed code derived
 * from it, so letters cannot be enumerated. PDF/A-1b with the platform's embedded font ({@link ArchivalPdf},
 * {@link PdfFonts}): it prints the same everywhere and can be filed as an archive.
 */
@Service
public class TransferLetters {

    private final TransferService transfers;
    private final TransferRecords records;
    private final MemberRepository registry;
    private final MemberArchive archive;
    private final MemberService members;
    private final FieldCipher cipher;
    private final PublicAddress publicAddress;

    TransferLetters(TransferService transfers, TransferRecords records, MemberRepository registry,
                    MemberArchive archive, MemberService members, FieldCipher cipher, PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
        this.transfers = transfers;
        this.records = records;
        this.registry = registry;
        this.archive = archive;
        this.members = members;
        this.cipher = cipher;
    }

    /** The check code printed in the QR link: the first 12 hex digits of the letter number's keyed hash. */
    public String code(String letterNo) {
        return HexFormat.of().formatHex(cipher.lookupHash("介绍信:" + letterNo)).substring(0, 12);
    }

    /** The public check of a letter; 404 unless the number and its code match. */
    public LetterCheck check(String letterNo, String code) {
        if (letterNo == null || code == null || !code.equals(code(letterNo))) {
            throw new NotFoundException("未找到该介绍信，请核对编号");
        }
        Transfer t = records.findByLetterNo(letterNo).orElseThrow(() -> new NotFoundException("未找到该介绍信，请核对编号"));
        String surname = t.memberName().isEmpty() ? "" : t.memberName().substring(0, 1);
        return new LetterCheck(t.letterNo(), surname + "*".repeat(Math.max(1, t.memberName().length() - 1)),
                t.fromOrgName(), t.toOrgName(), t.status(), t.startedOn(), t.validUntil());
    }

    /** The letter of a transfer the caller may see, its QR code pointing at the platform's public address. */
    public byte[] pdf(DataScope scope, long transferId) {
        Transfer t = transfers.get(scope, transferId);
        if (t.kind() == TransferKind.INBOUND) {
            throw cn.zhibu.platform.InvalidInputException.of("", "系统外转入的介绍信由原党组织开具（编号 " + t.paperLetterNo() + "）");
        }
        MemberRow row = registry.find(t.memberId()).or(() -> archive.find(t.memberId()).map(a -> a.row()))
                .orElseThrow(() -> new NotFoundException("该党员记录不存在"));
        // the letter carries the 身份证号 in full for a role that may see it (as before): it is opened here
        Member m = members.opened(scope, row);
        String url = link(t.letterNo());
        try {
            return render(t, m, url);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("介绍信生成失败：" + e.getMessage(), e);
        }
    }

    private static byte[] render(Transfer t, Member m, String url) throws DocumentException, IOException {
        BaseFont song = PdfFonts.serif();
        Font title = new Font(song, 18, Font.BOLD);
        Font text = new Font(song, 12);
        Font small = new Font(song, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 48, 48);
        doc.addTitle("中国共产党党员组织关系介绍信 " + t.letterNo());
        PdfWriter writer = ArchivalPdf.open(doc, out);
        long days = ChronoUnit.DAYS.between(t.startedOn(), t.validUntil());
        String who = m.name() + "同志（" + m.gender().label() + "，" + m.age() + "岁，" + m.ethnicity() + "）";
        String kind = m.status() == MemberStatus.FULL ? "正式党员" : "预备党员";

        doc.add(centered("中国共产党党员组织关系介绍信（存根）", title));
        doc.add(centered(t.letterNo(), small));
        doc.add(para(who + "系中共" + kind + "，身份证号码" + m.idNumber() + "，组织关系由" + t.fromOrgName() + "转到"
                + t.toOrgName() + "。", text));
        doc.add(para(dues(t) + "有效期" + days + "天（至" + t.validUntil() + "）。", text));
        doc.add(para("经办：" + t.startedBy() + "　　开具日期：" + date(t.startedOn()), text));

        PdfContentByte canvas = writer.getDirectContent();
        float cut = doc.getPageSize().getHeight() / 2 + 40;
        canvas.setLineDash(4, 4, 0);
        canvas.moveTo(40, cut);
        canvas.lineTo(doc.getPageSize().getWidth() - 40, cut);
        canvas.stroke();
        canvas.setLineDash(0);
        Paragraph gap = new Paragraph(" ", text);
        gap.setSpacingBefore(doc.getPageSize().getHeight() - 48 - cut - 170);
        doc.add(gap);

        doc.add(centered("中国共产党党员组织关系介绍信", title));
        doc.add(centered(t.letterNo(), small));
        doc.add(para(t.toOrgName() + "：", text));
        doc.add(para("　　兹介绍" + who + "系中共" + kind + "，身份证号码" + m.idNumber() + "，由" + t.fromOrgName()
                + "转到你处，请接洽。", text));
        doc.add(para("　　" + dues(t), text));
        doc.add(para("　　（有效期" + days + "天，至" + t.validUntil() + "）", text));
        Paragraph sign = para(t.fromOrgName() + "（盖章）\n" + date(t.startedOn()), text);
        sign.setAlignment(Element.ALIGN_RIGHT);
        sign.setSpacingBefore(24);
        doc.add(sign);

        PdfQrCode.draw(canvas, url, 60, 60, 2.2f, song, "扫码在支部平台核验本介绍信");
        doc.close();
        return out.toByteArray();
    }

    /** The public check link of a letter, at the configured public address (never the request's Host). */
    String link(String letterNo) {
        return publicAddress.base() + "/verify/letters/" + java.net.URLEncoder.encode(letterNo,
                java.nio.charset.StandardCharsets.UTF_8) + "?c=" + code(letterNo);
    }

    private static String dues(Transfer t) {
        String month = t.duesPaidUntilLabel();
        return month == null ? "该同志党费缴纳情况以转出组织记录为准。" : "该同志党费已交到" + month + "。";
    }

    private static Paragraph centered(String s, Font f) {
        Paragraph p = new Paragraph(s, f);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(6);
        return p;
    }

    private static Paragraph para(String s, Font f) {
        Paragraph p = new Paragraph(s, f);
        p.setLeading(22);
        p.setSpacingAfter(6);
        return p;
    }

    private static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
