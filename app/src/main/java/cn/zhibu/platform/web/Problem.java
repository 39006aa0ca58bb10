package cn.zhibu.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API error as the client gets it, an RFC 9457 problem document: {@code type} ({@code urn:zhibu:problem:…} by
 * status), a Chinese {@code title} for the status, the Chinese {@code detail}, the request path as {@code instance},
 * and where fields are at fault {@code errors} (field → reason). A handler of a new exception (say a 429 of a
 * throttle) answers {@code Problem.of(HttpStatus.TOO_MANY_REQUESTS, "…").response(path)}.
 */
record Problem(int status, String detail, Map<String, String> errors) {

    static final MediaType JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE = "urn:zhibu:problem:";

    static Problem of(HttpStatus status, String detail) {
        return new Problem(status.value(), detail, null);
    }

    static Problem invalid(Map<String, String> errors) {
        return new Problem(400, String.join("；", errors.values()), errors);
    }

    static Problem invalid(String field, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(field, reason);
        return invalid(errors);
    }

    /** The document for a request to {@code path}. */
    ProblemDetail document(String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(TYPE + slug(status)));
        problem.setTitle(title(status));
        problem.setInstance(instance(path));
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** The request's path as the problem's {@code instance} (the error dispatch would say "/error"). */
    private static URI instance(String path) {
        try {
            return path == null ? null : new URI(null, null, path, null);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求内容有误";
            case 401 -> "未登录";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持该请求方法";
            case 406 -> "无法提供所要求的格式";
            case 409 -> "与现有数据冲突";
            case 413 -> "请求内容过大";
            case 415 -> "不支持的内容类型";
            case 429 -> "请求过于频繁";
            case 503 -> "服务暂不可用";
            default -> status >= 500 ? "服务器内部错误" : "请求无法完成";
        };
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-input";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "content-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "server-error" : "client-error";
        };
    }

}
