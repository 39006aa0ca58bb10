package cn.zhibu.learning.hours;

import cn.zhibu.learning.PassedExam;
import cn.zhibu.learning.PassedExams;
import cn.zhibu.learning.hours.internal.HoursReads;
import cn.zhibu.member.Member;
import cn.zhibu.platform.ArchivalPdf;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.PdfFonts;
import cn.zhibu.platform.PdfQrCode;
import cn.zhibu.platform.PublicAddress;
import cn.zhibu.platform.Sm3;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A member's annual 学时 transcript (年度学时证明, RULES.md §7) as a PDF/A-1b: what they studied, 学时 by source
 * against the target, the exams passed. Its printed lines are one canonical text whose SM3 hash is stored with a
 * random code; the QR code carries both, so the public check can say genuine, altered or unknown and shows only the
 * lines the document itself printed.
 */
@Service
public class Transcripts {

    private static final Pattern CODE = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MemberHours hours;
    private final HoursReads reads;
    private final ObjectProvider<PassedExams> exams;
    private final PublicAddress publicAddress;
    private final AuditLog audit;
    private final Clock clock;

    Transcripts(MemberHours hours, HoursReads reads, ObjectProvider<PassedExams> exams, PublicAddress publicAddress,
                AuditLog audit, Clock clock) {
        this.hours = hours;
        this.reads = reads;
        this.exams = exams;
        this.publicAddress = publicAddress;
        this.audit = audit;
        this.clock = clock;
    }

    /** An issued transcript: its PDF and the check link printed in it. */
    public record Issued(byte[] pdf, String link, String code, String contentHash) {
    }

    /** Issues the transcript of a member the caller may see (their own, or one they manage). */
    @Transactional
    public Issued issue(DataScope scope, Long memberId, int year) {
        MemberHours.checkYear(year);
        Member m = hours.member(scope, memberId);
        HoursYear y = hours.of(m, year);
        List<PassedExam> passed = exams.stream().flatMap(e -> e.passed(m.id(), year).stream()).toList();
        List<String> lines = lines(y, passed, LocalDate.now(clock));
        String content = String.join("\n", lines);
        String hash = Sm3.hex(content);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String code = HexFormat.of().formatHex(random);
        reads.insertTranscript(new HoursReads.Transcript(code, m.id(), year, content, hash), m.orgId(),
                scope.actorName());
        String link = publicAddress.base() + "/verify/transcripts/" + code + "?h=" + hash;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("memberId", m.id());
        s.put("memberName", m.name());
        s.put("year", year);
        s.put("hours", y.hours().toPlainString());
        s.put("contentHash", hash);
        audit.record(scope, HoursAuditAction.TRANSCRIPT_ISSUED, HoursAuditVocabulary.TRANSCRIPT, code, m.orgPath(),
                null, s);
        try {
            return new Issued(render(y, lines, link), link, code, hash);
        } catch (DocumentException e) {
            throw new IllegalStateException("学时证明生成失败：" + e.getMessage(), e);
        }
    }

    /** The public check of a QR link; any malformed or unknown code is UNKNOWN, never an error. */
    @Transactional(readOnly = true)
    public TranscriptCheck check(String code, String hash) {
        if (code == null || !CODE.matcher(code).matches()) {
            return new TranscriptCheck(TranscriptCheck.Verdict.UNKNOWN, List.of());
        }
        return reads.transcript(code).map(t -> {
            boolean intact = Sm3.hex(t.content()).equals(t.contentHash());
            boolean same = hash != null && HASH.matcher(hash).matches() && hash.equals(t.contentHash());
            return intact && same ? new TranscriptCheck(TranscriptCheck.Verdict.GENUINE, List.of(t.content().split("\n")))
                    : new TranscriptCheck(TranscriptCheck.Verdict.ALTERED, List.<String>of());
        }).orElseGet(() -> new TranscriptCheck(TranscriptCheck.Verdict.UNKNOWN, List.of()));
    }

    /** The printed lines, the canonical text the hash is of. */
    static List<String> lines(HoursYear y, List<PassedExam> passed, LocalDate issuedOn) {
        List<String> lines = new ArrayList<>();
        lines.add(y.year() + "年度党员学习培训学时证明");
        lines.add("党员：" + y.memberName() + "　所在党组织：" + y.orgName());
        lines.add("全年学时：" + y.hours().toPlainString() + "　年度要求：" + y.targetHours().toPlainString() + "学时"
                + (y.concentratedNeeded() > 0 ? "、集中培训" + y.concentratedNeeded() + "次（已参加" + y.concentrated() + "次）" : "")
                + "　" + (y.met() ? "已达到要求" : "尚差" + y.hoursLeft().toPlainString() + "学时"
                + (y.concentratedLeft() > 0 ? "、集中培训" + y.concentratedLeft() + "次" : "")));
        lines.add("要求依据：" + y.targetBasis());
        StringBuilder bySource = new StringBuilder("分类学时：");
        y.bySource().forEach(s -> bySource.append(s.label()).append(' ').append(s.hours().toPlainString()).append("　"));
        lines.add(bySource.toString().strip());
        lines.add("学习内容：");
        if (y.credits().isEmpty()) {
            lines.add("　（本年度没有学时记录）");
        }
        for (CreditLine c : y.credits()) {
            lines.add("　" + c.creditedOn() + "　" + c.sourceLabel() + "　" + c.label() + "　" + c.hours().toPlainString()
                    + "学时" + (c.concentrated() ? "（集中培训）" : ""));
        }
        lines.add("通过的考试：");
        if (passed.isEmpty()) {
            lines.add("　（无）");
        }
        for (PassedExam e : passed) {
            lines.add("　" + e.passedOn() + "　" + e.title() + "　" + e.score() + "分（合格线" + e.passMark() + "分）");
        }
        lines.add("出具日期：" + issuedOn);
        return lines;
    }

    private static byte[] render(HoursYear y, List<String> lines, String link) throws DocumentException {
        BaseFont song = PdfFonts.serif();
        Font title = new Font(song, 18, Font.BOLD);
        Font text = new Font(song, 10.5f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 48, 120);
        doc.addTitle("党员学习培训学时证明 " + y.memberName() + " " + y.year() + "年");
        PdfWriter writer = ArchivalPdf.open(doc, out);
        Paragraph t = new Paragraph(lines.get(0), title);
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingAfter(12);
        doc.add(t);
        for (String line : lines.subList(1, lines.size())) {
            doc.add(new Paragraph(line, text));
        }
        PdfQrCode.draw(writer.getDirectContent(), link, 56, 30, 2.0f, song, "扫码在支部平台核验本证明（内容摘要 SM3）");
        doc.close();
        return out.toByteArray();
    }
}
