package cn.zhibu.platform;

import java.util.Map;

/**
 * An uploaded file whose content is not what its name claims or not a kind the operation accepts: 415 for the API,
 * the re-rendered form with the field's message in the browser, as any other invalid input.
 */
public class UnsupportedContentException extends InvalidInputException {

    public UnsupportedContentException(String field, String message) {
        super(Map.of(field, message));
    }
}
