package cn.zhibu.learning.course.internal;

import cn.zhibu.platform.FileKind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A media file's length in whole seconds (rounded down: a course never asks for more time than its media play), read
 * from the file itself where its format says it plainly: MP4/M4A by the movie header box ({@code moov/mvhd}: duration
 * ÷ timescale, wherever {@code moov} lies, before or after the media data), WAV by its {@code data} chunk ÷ the
 * {@code fmt} chunk's byte rate. Other formats (MP3, WebM, Ogg) have no such field: empty, and the publisher states
 * the length. Our own reading of two fixed headers rather than a parser library (none is served for this build), with
 * every size checked against the file so a crafted file cannot send it looping or far.
 */
public final class MediaLength {

    private static final int MAX_BOXES = 10_000;

    private MediaLength() {
    }

    public static OptionalInt seconds(Path file, FileKind kind) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            double seconds = switch (kind) {
                case MP4, M4A -> mp4(ch);
                case WAV -> wav(ch);
                default -> -1;
            };
            return seconds >= 1 && seconds < Integer.MAX_VALUE ? OptionalInt.of((int) Math.floor(seconds))
                    : OptionalInt.empty();
        }
    }

    /** Walks the top-level boxes to {@code moov}, then its children to {@code mvhd}. */
    private static double mp4(FileChannel ch) throws IOException {
        long[] moov = findBox(ch, 0, ch.size(), "moov");
        if (moov == null) {
            return -1;
        }
        long[] mvhd = findBox(ch, moov[0], moov[1], "mvhd");
        if (mvhd == null) {
            return -1;
        }
        ByteBuffer b = read(ch, mvhd[0], (int) Math.min(32, mvhd[1] - mvhd[0]));
        if (b.remaining() < 20) {
            return -1;
        }
        int version = b.get(0) & 0xff;
        long timescale;
        long duration;
        if (version == 1) {
            if (b.remaining() < 32) {
                return -1;
            }
            timescale = b.getInt(20) & 0xffffffffL;
            duration = b.getLong(24);
        } else {
            timescale = b.getInt(12) & 0xffffffffL;
            duration = b.getInt(16) & 0xffffffffL;
        }
        return timescale == 0 || duration <= 0 || duration == 0xffffffffL ? -1 : (double) duration / timescale;
    }

    /** The payload range [start, end) of the first box of this type within [from, to), or null. */
    private static long[] findBox(FileChannel ch, long from, long to, String type) throws IOException {
        long pos = from;
        for (int i = 0; i < MAX_BOXES && pos + 8 <= to; i++) {
            ByteBuffer h = read(ch, pos, 16);
            if (h.remaining() < 8) {
                return null;
            }
            long size = h.getInt(0) & 0xffffffffL;
            String name = new String(new byte[]{h.get(4), h.get(5), h.get(6), h.get(7)}, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (h.remaining() < 16) {
                    return null;
                }
                size = h.getLong(8);
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (size < header || pos + size > to) {
                return null;
            }
            if (name.equals(type)) {
                return new long[]{pos + header, pos + size};
            }
            pos += size;
        }
        return null;
    }

    private static double wav(FileChannel ch) throws IOException {
        long pos = 12;
        long byteRate = 0;
        for (int i = 0; i < MAX_BOXES && pos + 8 <= ch.size(); i++) {
            ByteBuffer h = read(ch, pos, 20).order(ByteOrder.LITTLE_ENDIAN);
            if (h.remaining() < 8) {
                return -1;
            }
            String id = new String(new byte[]{h.get(0), h.get(1), h.get(2), h.get(3)}, StandardCharsets.ISO_8859_1);
            long size = h.getInt(4) & 0xffffffffL;
            if (id.equals("fmt ") && h.remaining() >= 20) {
                // after the chunk's id and size: format (2 bytes), channels (2), sample rate (4), byte rate (4)
                byteRate = h.getInt(16) & 0xffffffffL;
            } else if (id.equals("data")) {
                long data = Math.min(size, ch.size() - pos - 8);
                return byteRate == 0 ? -1 : (double) data / byteRate;
            }
            pos += 8 + size + (size & 1);
        }
        return -1;
    }

    private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, n));
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }
}
