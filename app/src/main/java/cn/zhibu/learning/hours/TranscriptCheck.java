package cn.zhibu.learning.hours;

import java.util.List;

/**
 * The public check of a transcript's QR link: GENUINE (the platform issued it with exactly this content — the lines
 * it printed are shown, nothing more), ALTERED (issued, but the content hash differs: nothing is shown) or UNKNOWN
 * (the platform issued no such transcript).
 */
public record TranscriptCheck(Verdict verdict, List<String> lines) {

    public enum Verdict {
        GENUINE("此证明由支部平台出具，内容与签发时一致"),
        ALTERED("此证明的内容与平台签发的不一致，可能已被改动"),
        UNKNOWN("支部平台没有出具过此证明");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String verdictLabel() {
        return verdict.label();
    }
}
