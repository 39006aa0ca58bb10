package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.PdfChecks;
import cn.zhibu.support.TestData;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 组织关系介绍信: a PDF with the letter's facts and a QR code that anyone can check on the platform. */
@IntegrationTest
class TransferLetterIntegrationTest {

    @Autowired TestData data;
    @Autowired TransferService transfers;
    @Autowired TransferLetters letters;
    @LocalServerPort int port;

    @Test
    void the_letter_carries_the_transfer_and_its_qr_code_verifies_it_publicly() throws Exception {
        Organization committee = data.committee("介绍信党委");
        Organization from = data.org(committee.id(), "介绍信转出支部", OrganizationType.BRANCH);
        Organization to = data.org(committee.id(), "介绍信转入支部", OrganizationType.BRANCH);
        Member m = data.member(from.id(), "介绍信党员", MemberStatus.FULL);
        assertThatThrownBy(() -> transfers.start(SYSTEM, m.id(), new TransferRequest(to.id(), "工作调动", "2026年11月")))
                .isInstanceOf(cn.zhibu.platform.InvalidInputException.class).hasMessageContaining("年月");
        Transfer t = transfers.start(SYSTEM, m.id(), new TransferRequest(to.id(), "工作调动", "2026-10"));
        String base = "http://localhost:" + port;

        byte[] pdf = letters.pdf(SYSTEM, t.id());
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text).contains(t.letterNo(), "介绍信党员", "介绍信转出支部", "介绍信转入支部", "存根", "党费已交到2026年10月");
        // the same on every machine and fit to file: the platform's font embedded (a subset), PDF/A-1b
        assertThat(PdfChecks.fonts(pdf)).isNotEmpty().allSatisfy(font -> assertThat(font.embedded() && font.subset())
                .as("%s embedded as a subset", font.name()).isTrue());
        assertThat(PdfChecks.text(pdf)).contains("中国共产党党员组织关系介绍信（存根）", "扫码在支部平台核验本介绍信");
        assertThat(PdfChecks.pdfA1bProblems(pdf)).isEmpty();

        // The QR code the letter draws decodes to the public check link.
        String link = letters.link(t.letterNo());
        assertThat(link).startsWith(base + "/verify/letters/").contains("?c=" + letters.code(t.letterNo()));
        com.google.zxing.common.BitMatrix matrix = cn.zhibu.platform.PdfQrCode.matrix(link);
        // as printed: every module a square of 6 pixels, on a white quiet zone of 4 modules
        int scale = 6;
        int quiet = 4 * scale;
        BufferedImage image = new BufferedImage(matrix.getWidth() * scale + 2 * quiet,
                matrix.getHeight() * scale + 2 * quiet, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int mx = (x - quiet) / scale;
                int my = (y - quiet) / scale;
                boolean dark = x >= quiet && y >= quiet && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText()).isEqualTo(link);

        // Anyone (no login) can check it; a wrong code or number shows nothing.
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("真实有效", t.letterNo(), "介**").doesNotContain("介绍信党员");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(link.replaceAll("c=.*", "c=000000000000")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);

        // Only those who may see the transfer get the letter.
        DataScope stranger = new DataScope(5, "无关书记", false, List.of(), List.of(data.org(data.committee("无关党委").id(),
                "无关支部", OrganizationType.BRANCH).path()), null, null, false);
        assertThatThrownBy(() -> letters.pdf(stranger, t.id())).isInstanceOf(NotFoundException.class);
        assertThat(TestData.SYSTEM.all()).isTrue();
    }

    @Test
    void the_qr_code_points_at_the_public_address_whatever_host_the_request_names() throws Exception {
        Organization committee = data.committee("介绍信主机党委");
        Organization from = data.org(committee.id(), "介绍信主机转出支部", OrganizationType.BRANCH);
        Organization to = data.org(committee.id(), "介绍信主机转入支部", OrganizationType.BRANCH);
        Member m = data.member(from.id(), "介绍信主机党员", MemberStatus.FULL);
        Transfer t = transfers.start(SYSTEM, m.id(), new TransferRequest(to.id(), "工作调动"));
        String token = cn.zhibu.support.ApiClient.loggedIn(port, cn.zhibu.demo.DemoAccounts.ADMIN,
                cn.zhibu.demo.DemoAccounts.PASSWORD).token();

        // a forged Host header (a proxy passing the client's, an attacker's link): the QR code must not follow it
        byte[] pdf = pdfWithHost("/api/v1/transfers/" + t.id() + "/letter.pdf", "evil.example", token);
        String qr = cn.zhibu.support.QrCodes.fromPdf(pdf);
        // the test setup is the demo setup without zhibu.public-url: the local address
        assertThat(qr).startsWith("http://localhost:" + port + "/verify/letters/").doesNotContain("evil");
        assertThat(pdfWithHost("/transfers/" + t.id() + "/letter.pdf", "evil.example", null)).isEmpty();
    }

    /** The body of a GET sent with the given Host header (HTTP/1.0: the body ends with the connection). */
    private byte[] pdfWithHost(String path, String host, String token) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            String request = "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            byte[] all = socket.getInputStream().readAllBytes();
            String head = new String(all, 0, Math.min(all.length, 2000), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.1 200")) {
                return new byte[0];
            }
            int body = head.indexOf("\r\n\r\n") + 4;
            return java.util.Arrays.copyOfRange(all, body, all.length);
        }
    }

}
