package cn.zhibu.platform;

/**
 * A value quoted back to the user in a message, cut to a few dozen characters: a message names what was wrong, it
 * does not repeat a pasted page (an import once repeated a 100-million-character cell in every error of its report).
 */
public final class Quote {

    /** The most characters of a value a message repeats. */
    public static final int MAX = 30;

    private Quote() {
    }

    /** {@code “value”}, or {@code “first 30 characters…”（共N字）} when longer; line breaks and controls shown as spaces. */
    public static String of(String value) {
        if (value == null) {
            return "“”";
        }
        int length = value.codePointCount(0, value.length());
        String shown = length <= MAX ? value : value.substring(0, value.offsetByCodePoints(0, MAX));
        shown = shown.replaceAll("\\p{Cntrl}", " ");
        return length <= MAX ? "“" + shown + "”" : "“" + shown + "…”（共" + length + "字）";
    }
}
