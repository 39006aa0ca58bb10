package cn.zhibu.platform;

/** The record does not exist or lies outside the caller's data scope: both answer the same, 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
