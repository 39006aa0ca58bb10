package cn.zhibu.learning.course.web;

import cn.zhibu.learning.course.CourseMedia;
import cn.zhibu.platform.Downloads;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A course's file as a response: Spring MVC answers a {@code Range} request for a {@link Resource} body with the
 * {@code ResourceRegion} asked for ({@code 206}, {@code Content-Range}), an unsatisfiable one with {@code 416}; we
 * add {@code Accept-Ranges} so players know they may seek and resume. Private to the reader: no shared cache keeps it.
 */
final class MediaResponses {

    private MediaResponses() {
    }

    static ResponseEntity<Resource> of(CourseMedia.Media media) {
        ResponseEntity<Resource> inline = Downloads.inline(media.fileName(), MediaType.parseMediaType(media.mediaType()),
                media.resource());
        return ResponseEntity.status(inline.getStatusCode()).headers(inline.getHeaders())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(media.resource());
    }
}
