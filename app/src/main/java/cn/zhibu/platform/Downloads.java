package cn.zhibu.platform;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * Every file the platform hands out (roster export, import template and report, letters, case documents): a
 * {@code Content-Disposition} built by RFC 6266 with the UTF-8 name encoded by RFC 5987 ({@code filename*}), and the
 * name made safe first — a name comes from user data (an organization's name, an uploaded file's) and may hold line
 * breaks or quotes that would otherwise break the header, or path separators.
 */
public final class Downloads {

    private static final int MAX_NAME = 120;

    private Downloads() {
    }

    /** The file as a download ("save as"). */
    public static <T> ResponseEntity<T> attachment(String fileName, MediaType type, T body) {
        return respond(ContentDisposition.attachment(), fileName, type, body);
    }

    /** The file shown in the browser where it can be (a PDF letter to print). */
    public static <T> ResponseEntity<T> inline(String fileName, MediaType type, T body) {
        return respond(ContentDisposition.inline(), fileName, type, body);
    }

    private static <T> ResponseEntity<T> respond(ContentDisposition.Builder disposition, String fileName,
                                                 MediaType type, T body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(safeName(fileName), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /**
     * The name with control characters (CR, LF, NUL …), direction controls, quotes, backslashes and slashes replaced
     * by "_", trimmed, and at most {@value #MAX_NAME} characters keeping the extension; "download" if nothing is left.
     */
    public static String safeName(String name) {
        StringBuilder s = new StringBuilder();
        (name == null ? "" : name).codePoints().forEach(c -> {
            boolean unsafe = Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || "\"\\/".indexOf(c) >= 0;
            s.appendCodePoint(unsafe ? '_' : c);
        });
        String safe = s.toString().strip();
        if (safe.codePointCount(0, safe.length()) > MAX_NAME) {
            int dot = safe.lastIndexOf('.');
            String ext = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            safe = safe.substring(0, safe.offsetByCodePoints(0, MAX_NAME - ext.length())) + ext;
        }
        return safe.isEmpty() ? "download" : safe;
    }
}
