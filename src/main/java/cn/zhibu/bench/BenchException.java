package cn.zhibu.bench;

/** A problem that stops the benchmark, with a message meant for the person running it. */
final class BenchException extends RuntimeException {

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
