package cn.zhibu.platform.input;

/**
 * The one text policy: every text field a user fills in is one of these kinds. Values are stored trimmed (leading
 * and trailing white space, including the ideographic space U+3000, removed; line breaks as LF); within the kind's
 * length, counted in characters (code points, as PostgreSQL's {@code char_length} counts them); without control
 * characters (NUL included) or the bidirectional embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069, which can make a name display as something else); with line breaks (and tabs) only in the
 * multi-line kinds. A field may be stricter by its own rule (a person's 姓名 has at most 30 characters), never looser.
 * V19 repeats the lengths as check constraints on the columns.
 */
public enum TextKind {

    /** Names of people, organizations, units, places, holidays: one line, at most 100 characters. */
    NAME(100, false),
    /** Short single-line texts: titles, document and letter numbers, contacts, destinations, searches. */
    SHORT(200, false),
    /** Notes, reasons, opinions, comments: multi-line, at most 1,000 characters. */
    NOTE(1_000, true),
    /** Long texts such as a 公示's body: multi-line, at most 10,000 characters. */
    LONG(10_000, true);

    private final int max;
    private final boolean multiLine;

    TextKind(int max, boolean multiLine) {
        this.max = max;
        this.multiLine = multiLine;
    }

    public int max() {
        return max;
    }

    public boolean multiLine() {
        return multiLine;
    }

    /**
     * What is wrong with a value of this kind, as a Chinese message naming the field; null when nothing is (a null
     * value included: whether a field is required is the form's own rule). The value is judged as it will be stored,
     * i.e. {@linkplain #normalize normalized}.
     */
    public String problem(String label, String value) {
        if (value == null) {
            return null;
        }
        String v = normalize(value);
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            String bad = refused(c);
            if (bad != null) {
                return label + bad + "（第" + (v.codePointCount(0, i) + 1) + "个字符）";
            }
            i += Character.charCount(c);
        }
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            return label + "不能超过" + max + "个字（现有" + length + "个字）";
        }
        return null;
    }

    private String refused(int c) {
        if (c == '\n' || c == '\t') {
            return multiLine ? null : "不能换行或含制表符";
        }
        if (c == 0) {
            return "不能含有空字符（NUL）";
        }
        if (Character.getType(c) == Character.CONTROL) {
            return "不能含有控制字符";
        }
        if (c == 0x2028 || c == 0x2029) {
            return multiLine ? "不能含有 Unicode 行分隔符，请直接换行" : "不能换行";
        }
        if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
            return "不能含有改变文字方向的控制符";
        }
        if (Character.getType(c) == Character.SURROGATE || c == 0xFFFE || c == 0xFFFF) {
            return "含有无效字符";
        }
        return null;
    }

    /**
     * The stored form of a text: white space (Unicode's, so U+3000 too) stripped at both ends, CR LF and lone CR as
     * LF. Null stays null. Applied to JSON strings, form fields and import cells before they are validated.
     */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.indexOf('\r') < 0 ? v : v.replace("\r\n", "\n").replace('\r', '\n');
    }
}
