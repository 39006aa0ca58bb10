package cn.zhibu.platform;

/** The caller may see the record but not perform this action on it: 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
