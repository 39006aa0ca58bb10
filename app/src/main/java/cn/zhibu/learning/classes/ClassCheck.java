package cn.zhibu.learning.classes;

/** What a scan of a session's code records: arriving (签到) or leaving (签退); each has its own code. */
public enum ClassCheck {
    IN("签到", "I"),
    OUT("签退", "O");

    private final String label;
    private final String letter;

    ClassCheck(String label, String letter) {
        this.label = label;
        this.letter = letter;
    }

    public String label() {
        return label;
    }

    String letter() {
        return letter;
    }

    static ClassCheck ofLetter(String letter) {
        for (ClassCheck c : values()) {
            if (c.letter.equals(letter)) {
                return c;
            }
        }
        return null;
    }
}
