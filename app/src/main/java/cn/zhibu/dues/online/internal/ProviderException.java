package cn.zhibu.dues.online.internal;

/**
 * The provider refused a request (its error code and message), or its answer could not be trusted (no valid
 * signature, another key's serial, outside the time window) or reached at all. {@code status} is the HTTP status of
 * the answer (0 when there was none).
 */
public class ProviderException extends RuntimeException {

    private final int status;
    private final String code;

    public ProviderException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The provider does not know the order or refund (its 404). */
    public boolean notFound() {
        return status == 404;
    }
}
