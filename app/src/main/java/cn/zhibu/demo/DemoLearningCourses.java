package cn.zhibu.demo;

import cn.zhibu.learning.course.Course;
import cn.zhibu.learning.course.CourseAudience;
import cn.zhibu.learning.course.CourseDraft;
import cn.zhibu.learning.course.CourseKind;
import cn.zhibu.learning.course.CourseMedia;
import cn.zhibu.learning.course.CourseService;
import cn.zhibu.platform.ArchivalPdf;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.PdfFonts;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Courses of the demo tree: an article to every member from the working committee, and in the demo secretary's
 * branch a required audio course due in a month (a WAV tone made here: the server reads its length) and an optional
 * PDF reading (made with the platform's PDF tool). No video: a playable MP4 cannot be made in a few lines of code, and
 * the repository keeps no media blobs.
 */
final class DemoLearningCourses {

    private final Services services;
    private final DataScope scope;
    private final LocalDate today;

    /** The courses part's services the demo writes through. */
    @Component
    record Services(CourseService courses, CourseMedia media) {
    }

    DemoLearningCourses(Services services, DataScope scope, LocalDate today) {
        this.services = services;
        this.scope = scope;
        this.today = today;
    }

    void publish(PlacedOrg root) {
        long rootId = root.org().id();
        long branch = root.find(DemoAccounts.SECRETARY_BRANCH).org().id();
        Course article = services.courses().create(scope, new CourseDraft(rootId, null, 0, "学习贯彻党的二十大精神",
                "全体党员必读：报告要点与学习体会", CourseKind.ARTICLE,
                "<h2>一、学习要点</h2><p>深刻领会新时代新征程中国共产党的使命任务。</p><ul><li>全面从严治党</li><li>高质量发展</li></ul>",
                new BigDecimal("0.5"), null, false, null, CourseAudience.EVERYONE));
        services.courses().publish(scope, article.id());

        Course audio = services.courses().create(scope, new CourseDraft(branch, null, 0, "党章学习（音频）",
                "必修：请在期限前听完", CourseKind.AUDIO, null, new BigDecimal("0.1"), null, true, today.plusMonths(1),
                CourseAudience.SUBTREE));
        services.media().upload(scope, audio.id(), "党章学习.wav", new ByteArrayInputStream(tone(360)));
        services.courses().publish(scope, audio.id());

        Course document = services.courses().create(scope, new CourseDraft(branch, null, 0, "支部工作条例（文档）",
                "《中国共产党支部工作条例（试行）》学习材料", CourseKind.DOCUMENT, null, new BigDecimal("0.5"), null,
                false, null, CourseAudience.SUBTREE));
        services.media().upload(scope, document.id(), "支部工作条例.pdf", new ByteArrayInputStream(pdf()));
        services.courses().publish(scope, document.id());
    }

    /** A mono 8 kHz 8-bit WAV of a quiet 440 Hz tone. */
    static byte[] tone(int seconds) {
        int rate = 8000;
        int n = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + n).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate).putShort((short) 1).putShort((short) 8);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (128 + 20 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return b.array();
    }

    private static byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        doc.addTitle("支部工作条例学习材料");
        ArchivalPdf.open(doc, out);
        Font font = new Font(PdfFonts.serif(), 12);
        doc.add(new Paragraph("中国共产党支部工作条例（试行）学习材料", new Font(PdfFonts.serif(), 16)));
        doc.add(new Paragraph("党支部是党的基础组织，是党在社会基层组织中的战斗堡垒，是党的全部工作和战斗力的基础。", font));
        doc.close();
        return out.toByteArray();
    }
}
