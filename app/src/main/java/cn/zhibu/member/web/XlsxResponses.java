package cn.zhibu.member.web;

import cn.zhibu.platform.BackgroundJobs;
import cn.zhibu.platform.Downloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Workbooks as downloads (names by {@link Downloads}), for the roster pages and the API alike. */
final class XlsxResponses {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private XlsxResponses() {
    }

    static ResponseEntity<byte[]> of(String name, byte[] body) {
        return Downloads.attachment(name, XLSX, body);
    }

    /** A job's file, streamed from the database chunk by chunk, on whichever node the request reached. */
    static ResponseEntity<Resource> of(String name, BackgroundJobs.StoredFile file) {
        ResponseEntity<Resource> named = Downloads.attachment(name, XLSX, new InputStreamResource(file.content()));
        return ResponseEntity.ok().headers(named.getHeaders()).contentLength(file.size()).body(named.getBody());
    }
}
