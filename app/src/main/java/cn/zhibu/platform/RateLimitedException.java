package cn.zhibu.platform;

import java.util.Map;

/**
 * The caller asked too often for something that is limited per user and hour (e.g. 身份证号 that are already
 * registered elsewhere): 429 in the API. It is also invalid input of its field, so that a form shows it where the
 * value was entered instead of an error page.
 */
public class RateLimitedException extends InvalidInputException {

    public RateLimitedException(String field, String message) {
        super(Map.of(field, message));
    }
}
