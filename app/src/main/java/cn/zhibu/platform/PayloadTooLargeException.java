package cn.zhibu.platform;

import java.util.Map;

/**
 * Input too large to accept (an upload over its size limit, an archive that unpacks to too much): 413 for the API,
 * the re-rendered form with the field's message in the browser, as any other invalid input.
 */
public class PayloadTooLargeException extends InvalidInputException {

    public PayloadTooLargeException(String field, String message) {
        super(Map.of(field, message));
    }
}
