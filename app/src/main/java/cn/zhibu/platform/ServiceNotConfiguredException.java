package cn.zhibu.platform;

/** A feature that needs a setting the operator has not made (e.g. the public address letters point at): 503. */
public class ServiceNotConfiguredException extends RuntimeException {

    public ServiceNotConfiguredException(String message) {
        super(message);
    }
}
