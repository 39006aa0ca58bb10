package cn.zhibu.bench;

/** A problem that stops the benchmark, with a message meant for the person running it. */
final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
