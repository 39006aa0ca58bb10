package cn.zhibu.life.checkin;

/** What a scan records: arriving (签到) or leaving (签退). Each has its own code, so one cannot stand for the other. */
public enum CheckinPurpose {
    IN("签到", "I"),
    OUT("签退", "O");

    private final String label;
    private final String letter;

    CheckinPurpose(String label, String letter) {
        this.label = label;
        this.letter = letter;
    }

    public String label() {
        return label;
    }

    /** How the purpose is spelled inside a code. */
    String letter() {
        return letter;
    }

    static CheckinPurpose ofLetter(String letter) {
        for (CheckinPurpose p : values()) {
            if (p.letter.equals(letter)) {
                return p;
            }
        }
        return null;
    }

    /** The path segment of the scan page and API ({@code checkin}, {@code checkout}). */
    public String path() {
        return this == IN ? "checkin" : "checkout";
    }
}
