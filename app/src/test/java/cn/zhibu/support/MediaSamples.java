package cn.zhibu.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Small media files made in code for the course tests: a WAV tone, an MP4 skeleton (ftyp, mdat, moov/mvhd). */
public final class MediaSamples {

    private MediaSamples() {
    }

    /** A mono 8 kHz 8-bit WAV of this many seconds (a 440 Hz tone). */
    public static byte[] wav(int seconds) {
        int rate = 8000;
        int n = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + n).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate).putShort((short) 1).putShort((short) 8);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (128 + 40 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return b.array();
    }

    /**
     * An ISO media file of this length: ftyp (brand {@code isom}, or {@code M4A } for audio), an mdat of filler, and
     * the moov with its mvhd after it (as a camera writes it), version 0 or 1.
     */
    public static byte[] mp4(int seconds, boolean audio, int mvhdVersion, int fillerBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(box("ftyp", concat((audio ? "M4A " : "isom").getBytes(StandardCharsets.US_ASCII),
                new byte[]{0, 0, 2, 0}, "isomiso2mp41".getBytes(StandardCharsets.US_ASCII))));
        out.writeBytes(box("mdat", new byte[fillerBytes]));
        ByteBuffer mvhd = ByteBuffer.allocate(mvhdVersion == 1 ? 112 : 100);
        mvhd.put((byte) mvhdVersion).put(new byte[3]);
        if (mvhdVersion == 1) {
            mvhd.putLong(0).putLong(0).putInt(1000).putLong(seconds * 1000L);
        } else {
            mvhd.putInt(0).putInt(0).putInt(600).putInt(seconds * 600);
        }
        out.writeBytes(box("moov", box("mvhd", mvhd.array())));
        return out.toByteArray();
    }

    private static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(payload).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A one-page PDF (enough for the content check: it starts with %PDF-). */
    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
