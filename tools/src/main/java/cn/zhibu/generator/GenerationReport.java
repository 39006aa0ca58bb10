package cn.zhibu.generator;

import java.time.Duration;
import java.util.List;

/** What a generation made and how long each phase took. */
public record GenerationReport(int members, int organizations, long seed, Duration total, List<Phase> phases) {

    public record Phase(String name, Duration duration) {
    }

    /** Lines for the console: totals, then one line per phase. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format("数据生成完成：党员 %,d 名，党组织 %,d 个（种子 %d），总用时 %s",
                members, organizations, seed, format(total)));
        for (Phase phase : phases) {
            text.append(String.format("%n  %-14s %s", phase.name(), format(phase.duration())));
        }
        return text.toString();
    }

    static String format(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds < 60 ? String.format("%.1f秒", seconds)
                : String.format("%d分%04.1f秒", (long) seconds / 60, seconds % 60);
    }
}
