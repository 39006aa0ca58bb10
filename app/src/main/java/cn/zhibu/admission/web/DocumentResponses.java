package cn.zhibu.admission.web;

import cn.zhibu.admission.AdmissionDocuments;
import cn.zhibu.platform.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A case's file as a download (never shown inline: it is whatever was uploaded). */
final class DocumentResponses {

    private DocumentResponses() {
    }

    static ResponseEntity<byte[]> of(AdmissionDocuments.Content content) {
        return Downloads.attachment(content.document().name(),
                MediaType.parseMediaType(content.document().contentType()), content.bytes());
    }
}
