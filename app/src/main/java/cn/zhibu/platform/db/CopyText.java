package cn.zhibu.platform.db;

import java.time.LocalDate;

/**
 * Rows in PostgreSQL's COPY text format, encoded straight into a growable byte array: a province has millions of
 * rows, and going through String concatenation and an encoder per field would cost more than the COPY itself.
 */
public final class CopyText {

    private static final byte[] HEX = "0123456789abcdef".getBytes();

    private byte[] buf;
    private int length;
    private int rows;

    public CopyText(int capacity) {
        buf = new byte[Math.max(capacity, 64)];
    }

    public byte[] array() {
        return buf;
    }

    public int length() {
        return length;
    }

    public int rows() {
        return rows;
    }

    public void clear() {
        length = 0;
        rows = 0;
    }

    public CopyText tab() {
        return ascii('\t');
    }

    public CopyText endRow() {
        rows++;
        return ascii('\n');
    }

    public CopyText nul() {
        ensure(2);
        buf[length++] = '\\';
        buf[length++] = 'N';
        return this;
    }

    /** UTF-8 with COPY's escapes for backslash, tab and line breaks; null as \N. */
    public CopyText text(String s) {
        if (s == null) {
            return nul();
        }
        ensure(s.length() * 3); // the most any char takes, escapes and surrogate pairs included
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escaped('\\');
                    case '\t' -> escaped('t');
                    case '\n' -> escaped('n');
                    case '\r' -> escaped('r');
                    default -> buf[length++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[length++] = (byte) (0xC0 | c >> 6);
                buf[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[length++] = (byte) (0xF0 | cp >> 18);
                buf[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[length++] = (byte) (0x80 | cp & 0x3F);
            } else {
                buf[length++] = (byte) (0xE0 | c >> 12);
                buf[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return this;
    }

    public CopyText number(long n) {
        ensure(20);
        if (n < 0) {
            buf[length++] = '-';
            n = -n;
        }
        int start = length;
        do {
            buf[length++] = (byte) ('0' + n % 10);
            n /= 10;
        } while (n > 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    public CopyText number(Integer n) {
        return n == null ? nul() : number(n.longValue());
    }

    /** ISO date, or \N. */
    public CopyText date(LocalDate d) {
        if (d == null) {
            return nul();
        }
        ensure(10);
        digits(d.getYear(), 4);
        buf[length++] = '-';
        digits(d.getMonthValue(), 2);
        buf[length++] = '-';
        digits(d.getDayOfMonth(), 2);
        return this;
    }

    /** A bytea in hex input format; the backslash of {@code \x} is itself escaped in COPY text. */
    public CopyText bytea(byte[] bytes) {
        if (bytes == null) {
            return nul();
        }
        ensure(3 + bytes.length * 2);
        buf[length++] = '\\';
        buf[length++] = '\\';
        buf[length++] = 'x';
        for (byte b : bytes) {
            buf[length++] = HEX[b >> 4 & 0xF];
            buf[length++] = HEX[b & 0xF];
        }
        return this;
    }

    private void digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buf[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    private CopyText ascii(char c) {
        ensure(1);
        buf[length++] = (byte) c;
        return this;
    }

    private void escaped(char c) {
        ensure(2);
        buf[length++] = '\\';
        buf[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, length + more)];
            System.arraycopy(buf, 0, bigger, 0, length);
            buf = bigger;
        }
    }
}
