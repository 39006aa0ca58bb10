package cn.zhibu.bench;

import tools.jackson.databind.JsonNode;

/**
 * What one HTTP call returned and how long it took. A transport failure (refused, timed out) has status 0 and the
 * exception text as body, so it counts as an error like any non-2xx answer.
 */
record ApiResponse(int status, String body, long nanos, String etag) {

    ApiResponse(int status, String body, long nanos) {
        this(status, body, nanos, null);
    }

    /** 2xx, or 304: "not modified" is a success for a client that holds the body it asked about. */
    boolean ok() {
        return (status >= 200 && status < 300) || status == 304;
    }

    JsonNode json() {
        return Json.parse(body);
    }

    /** Status and the start of the body, for error reports. */
    String describe() {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return (status == 0 ? "no response" : Integer.toString(status)) + " "
                + (text.length() > 160 ? text.substring(0, 160) + "…" : text);
    }
}
