package cn.zhibu.life.compliance.web;

import cn.zhibu.platform.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;

/** Workbooks as downloads, named by {@link Downloads}. */
final class ComplianceFiles {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private ComplianceFiles() {
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String title) {
        return Downloads.attachment(title + "-" + LocalDate.now() + ".xlsx", XLSX, body);
    }
}
