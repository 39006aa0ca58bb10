package cn.zhibu.admission.web;

import cn.zhibu.admission.AdmissionDocuments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A case's file as a download (never shown inline: it is whatever was uploaded). */
final class DocumentResponses {

    private DocumentResponses() {
    }

    static ResponseEntity<byte[]> of(AdmissionDocuments.Content content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().name(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(content.document().contentType()))
                .body(content.bytes());
    }
}
