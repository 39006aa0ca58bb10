package cn.zhibu.bench;

/** Placeholder entry point; the benchmark harness is being written. */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("bench is not written yet");
    }
}
