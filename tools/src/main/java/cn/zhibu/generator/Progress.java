package cn.zhibu.generator;

import org.slf4j.Logger;

/** Logs a line every 5% of a long phase, with the rate so far. */
final class Progress {

    private static final int STEPS = 20;

    private final Logger log;
    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private int reported;

    Progress(Logger log, String what, long total) {
        this.log = log;
        this.what = what;
        this.total = total;
    }

    void advance(long n) {
        done += n;
        int step = (int) (done * STEPS / Math.max(total, 1));
        if (step > reported) {
            reported = step;
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("{}：{}/{}（{}%），{} 行/秒", what, String.format("%,d", done), String.format("%,d", total),
                    done * 100 / Math.max(total, 1), String.format("%,.0f", done / Math.max(seconds, 1e-3)));
        }
    }
}
