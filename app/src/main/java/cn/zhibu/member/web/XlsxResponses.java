package cn.zhibu.member.web;

import cn.zhibu.platform.BackgroundJobs;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** Workbooks as downloads, for the roster pages and the API alike. */
final class XlsxResponses {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private XlsxResponses() {
    }

    static ResponseEntity<byte[]> of(String name, byte[] body) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, attachment(name)).body(body);
    }

    /** A job's file, streamed from the database chunk by chunk, on whichever node the request reached. */
    static ResponseEntity<Resource> of(String name, BackgroundJobs.StoredFile file) {
        return ResponseEntity.ok().contentType(XLSX).contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
                .body(new InputStreamResource(file.content()));
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
