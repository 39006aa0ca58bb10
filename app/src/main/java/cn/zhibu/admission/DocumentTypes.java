package cn.zhibu.admission;

import cn.zhibu.platform.FileKind;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of file a case keeps: scans, office documents and OFD (the national e-document format). The extension
 * says which kind the user means; the content must then be that kind ({@link cn.zhibu.platform.FileContent}).
 */
final class DocumentTypes {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Map<String, FileKind> BY_EXTENSION = Map.of(
            "pdf", FileKind.PDF,
            "jpg", FileKind.JPEG,
            "jpeg", FileKind.JPEG,
            "png", FileKind.PNG,
            "doc", FileKind.DOC,
            "docx", FileKind.DOCX,
            "xls", FileKind.XLS,
            "xlsx", FileKind.XLSX,
            "ofd", FileKind.OFD);

    private DocumentTypes() {
    }

    static Optional<FileKind> byExtension(String fileName) {
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
