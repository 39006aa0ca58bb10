package cn.zhibu.admission;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The kinds of file a case keeps, by extension: scans, office documents and OFD (the national e-document format). */
final class DocumentTypes {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls", "application/vnd.ms-excel",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "ofd", "application/ofd");

    private DocumentTypes() {
    }

    static Optional<String> contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    static String accepted() {
        return "PDF、JPG、PNG、Word、Excel、OFD";
    }
}
