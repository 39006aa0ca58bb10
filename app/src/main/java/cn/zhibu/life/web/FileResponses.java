package cn.zhibu.life.web;

import cn.zhibu.life.RecordFiles;
import cn.zhibu.platform.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A record's file as a download (never shown inline: whatever was uploaded, it is not rendered by the browser here). */
final class FileResponses {

    private FileResponses() {
    }

    static ResponseEntity<byte[]> of(RecordFiles.Content content) {
        return Downloads.attachment(content.file().name(), MediaType.parseMediaType(content.file().contentType()),
                content.bytes());
    }
}
