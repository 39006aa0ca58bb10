package cn.zhibu.learning.course;

import cn.zhibu.platform.FileKind;

import java.util.Set;

/** What a course is: a rich-text article, a PDF document, a video or an audio; and which files each takes. */
public enum CourseKind {
    ARTICLE("图文", Set.of()),
    DOCUMENT("文档", Set.of(FileKind.PDF)),
    VIDEO("视频", Set.of(FileKind.MP4, FileKind.WEBM)),
    AUDIO("音频", Set.of(FileKind.MP3, FileKind.M4A, FileKind.OGG, FileKind.WAV));

    private final String label;
    private final Set<FileKind> files;

    CourseKind(String label, Set<FileKind> files) {
        this.label = label;
        this.files = files;
    }

    public String label() {
        return label;
    }

    /** The contents a file of this course may have. */
    public Set<FileKind> files() {
        return files;
    }

    public boolean takesFile() {
        return !files.isEmpty();
    }

    /** Video and audio: their credit is at most their length. */
    public boolean timed() {
        return this == VIDEO || this == AUDIO;
    }
}
