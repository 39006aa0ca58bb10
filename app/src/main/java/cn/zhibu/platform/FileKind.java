package cn.zhibu.platform;

/** The kinds of file the platform accepts as uploads, as recognised by their content (see {@link FileContent}). */
public enum FileKind {
    PDF("PDF 文件", "application/pdf"),
    PNG("PNG 图片", "image/png"),
    JPEG("JPG 图片", "image/jpeg"),
    DOC("Word 97-2003 文档（.doc）", "application/msword"),
    XLS("Excel 97-2003 工作簿（.xls）", "application/vnd.ms-excel"),
    DOCX("Word 文档（.docx）", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("Excel 工作簿（.xlsx）", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    OFD("OFD 文件", "application/ofd"),
    MP4("MP4 视频", "video/mp4"),
    WEBM("WebM 视频", "video/webm"),
    M4A("M4A 音频", "audio/mp4"),
    MP3("MP3 音频", "audio/mpeg"),
    OGG("Ogg 音频", "audio/ogg"),
    WAV("WAV 音频", "audio/wav");

    private final String label;
    private final String mediaType;

    FileKind(String label, String mediaType) {
        this.label = label;
        this.mediaType = mediaType;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }
}
