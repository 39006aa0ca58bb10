package cn.zhibu.platform.web;

import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Every API error as an RFC 9457 problem ({@code application/problem+json}): {@code type}, a Chinese {@code title}
 * for the status, the Chinese {@code detail}, and — where fields are at fault — {@code errors} (field → reason).
 * Used for exceptions of API controllers ({@link ApiErrorAdvice}) and for errors that reach the servlet container's
 * error dispatch ({@link ProblemErrorController}: unknown paths, 405, 413, security, filters). A server error shows
 * a generic message with an incident number that the log carries with the stack trace; never the exception itself.
 */
@Component
class ProblemMapper {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);
    private static final String TYPE = "urn:zhibu:problem:";
    /** How much of a refused value a message quotes: enough to recognize it, never a whole upload. */
    private static final int QUOTED = 30;

    private final JsonErrors json = new JsonErrors();
    /** The upload limit as configured ("50MB"), for the 413's message: the exception does not always know it. */
    private final String uploadLimit;

    ProblemMapper(@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:}")
                  String uploadLimit) {
        this.uploadLimit = uploadLimit == null ? "" : uploadLimit.strip();
    }

    /** The problem for an exception (null: only the status is known, e.g. a 404 of the container). */
    ResponseEntity<ProblemDetail> toProblem(Throwable ex, HttpStatusCode fallbackStatus, String method, String path) {
        Problem p = ex == null ? byStatus(fallbackStatus.value(), method, path) : known(ex, method, path);
        if (p == null) {
            p = serverError(ex, method, path);
        }
        ProblemDetail body = problem(p.status, p.detail, p.errors);
        body.setInstance(instance(path));
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof ErrorResponse er) {
            headers.putAll(er.getHeaders()); // Allow of a 405, Accept of a 415 …
        }
        return ResponseEntity.status(p.status).headers(headers).contentType(PROBLEM_JSON).body(body);
    }

    /**
     * The problem of the container's error dispatch: the exception's when it explains the status the container was
     * given (a 405 with the methods allowed); else the message a filter gave with {@code sendError(status, message)}
     * when it is written for users (Chinese — the framework's own are English); else the status's own.
     */
    ResponseEntity<ProblemDetail> forErrorDispatch(Throwable error, HttpStatusCode status, String method, String path,
                                                   String message) {
        if (error != null && status.value() != 500) {
            Problem p = known(error, method, path);
            if (p == null || p.status != status.value()) {
                error = null;
            }
        }
        if (error == null && message != null && message.codePoints().anyMatch(
                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            ProblemDetail body = problem(status.value(), message, null);
            body.setInstance(instance(path));
            return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(body);
        }
        return toProblem(error, status, method, path);
    }

    static ProblemDetail problem(int status, String detail, Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(java.net.URI.create(TYPE + slug(status)));
        problem.setTitle(title(status));
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private record Problem(int status, String detail, Map<String, String> errors) {
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
    }

    /** The problem of an exception we know; null for any other (a server error). */
    private Problem known(Throwable ex, String method, String path) {
        if (ex instanceof InvalidInputException e) {
            return new Problem(400, e.getMessage(), e.fieldErrors().isEmpty() ? null : e.fieldErrors());
        }
        if (ex instanceof NotFoundException e) {
            return Problem.of(HttpStatus.NOT_FOUND, e.getMessage());
        }
        if (ex instanceof ForbiddenException e) {
            return Problem.of(HttpStatus.FORBIDDEN, e.getMessage());
        }
        if (ex instanceof AccessDeniedException) {
            return Problem.of(HttpStatus.FORBIDDEN, "您没有进行此操作的权限");
        }
        if (ex instanceof AuthenticationException e) {
            return Problem.of(HttpStatus.UNAUTHORIZED, e.getMessage() == null || e.getMessage().isBlank()
                    ? byStatus(401, method, path).detail : e.getMessage());
        }
        if (ex instanceof ServiceNotConfiguredException e) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
        if (ex instanceof HttpMessageNotReadableException e) {
            return json.describe(e);
        }
        if (ex instanceof HandlerMethodValidationException e) {
            return Problem.invalid(parameterErrors(e));
        }
        if (ex instanceof org.springframework.validation.BindException e) { // MethodArgumentNotValidException too
            return Problem.invalid(fieldErrors(e.getBindingResult()));
        }
        if (ex instanceof MissingServletRequestParameterException e) {
            return Problem.invalid(e.getParameterName(), "缺少参数 " + e.getParameterName());
        }
        if (ex instanceof MissingServletRequestPartException e) {
            return Problem.invalid(e.getRequestPartName(), "缺少上传的 " + e.getRequestPartName());
        }
        if (ex instanceof TypeMismatchException e) { // a path variable or query parameter of the wrong type
            String name = e.getPropertyName() == null ? "" : e.getPropertyName();
            return Problem.invalid(name, (name.isEmpty() ? "" : "参数 " + name + " 的") + "值“" + quote(e.getValue())
                    + "”无效" + JsonErrors.expected(e.getRequiredType()));
        }
        if (ex instanceof MaxUploadSizeExceededException e) {
            long max = e.getMaxUploadSize();
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, max > 0 ? "上传的内容过大，不能超过" + (max >> 20) + " MB"
                    : uploadLimit.isEmpty() ? "上传的内容过大" : "上传的内容过大，文件不能超过" + uploadLimit);
        }
        if (ex instanceof MultipartException) {
            return Problem.of(HttpStatus.BAD_REQUEST, "上传的内容无法读取，请按 multipart/form-data 上传文件");
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return Problem.of(HttpStatus.METHOD_NOT_ALLOWED, "该地址不支持 " + e.getMethod() + " 请求"
                    + (e.getSupportedHttpMethods() == null ? "" : "，可用：" + e.getSupportedHttpMethods()));
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            return Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的请求内容类型"
                    + (e.getContentType() == null ? "" : " " + e.getContentType())
                    + (e.getSupportedMediaTypes().isEmpty() ? "" : "，应为 " + e.getSupportedMediaTypes()));
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return Problem.of(HttpStatus.NOT_ACCEPTABLE, "无法按请求的 Accept 格式返回：本接口返回 application/json");
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return byStatus(404, method, path);
        }
        if (ex instanceof DataAccessException e && sqlState(e) != null) {
            String state = sqlState(e);
            // the database's own limits (V19 checks, date range, value too long): the input, not the server
            if (state.startsWith("22") || state.equals("23514")) {
                return Problem.of(HttpStatus.BAD_REQUEST, "提交的内容超出允许的长度或范围，请检查后重试");
            }
            if (state.equals("23505")) {
                return Problem.of(HttpStatus.CONFLICT, "与已有的记录重复，请刷新后重试");
            }
        }
        if (ex instanceof ErrorResponse er && er.getStatusCode().value() < 500) {
            return byStatus(er.getStatusCode().value(), method, path);
        }
        return null;
    }

    /** A problem known only by its status, with the Chinese detail for it. */
    private static Problem byStatus(int status, String method, String path) {
        String detail = switch (status) {
            case 400 -> "请求无效";
            case 401 -> "未登录或令牌已失效，请重新获取令牌";
            case 403 -> "您没有访问该接口的权限";
            case 404 -> "接口不存在：" + method + " " + path;
            case 405 -> "该地址不支持 " + method + " 请求";
            case 406 -> "无法按请求的 Accept 格式返回：本接口返回 application/json";
            case 413 -> "请求内容过大";
            case 415 -> "不支持的请求内容类型";
            default -> status >= 500 ? "服务器内部错误，请稍后重试" : "请求无法完成";
        };
        return new Problem(status, detail, null);
    }

    private static Problem serverError(Throwable ex, String method, String path) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("{} {} 出错（错误编号 {}）", method, path, incident, ex);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "服务器内部错误，请稍后重试；如果问题持续，请联系管理员并提供错误编号 " + incident);
    }

    static Map<String, String> parameterErrors(HandlerMethodValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> {
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            String name = param != null && !param.name().isEmpty() ? param.name()
                    : String.valueOf(result.getMethodParameter().getParameterName());
            if (result instanceof ParameterErrors nested) {
                nested.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), message(f)));
            } else {
                result.getResolvableErrors().forEach(r -> errors.putIfAbsent(name, r.getDefaultMessage()));
            }
        });
        return errors;
    }

    /** Field errors of a form or body: the constraint's Chinese message, or "格式不正确" for a value not converted. */
    static Map<String, String> fieldErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), message(f)));
        binding.getGlobalErrors().forEach(g -> errors.putIfAbsent("", g.getDefaultMessage()));
        return errors;
    }

    private static String message(FieldError f) {
        return f.isBindingFailure() || f.getDefaultMessage() == null
                ? f.getField() + " 的值“" + quote(f.getRejectedValue()) + "”格式不正确" : f.getDefaultMessage();
    }

    static String quote(Object value) {
        String s = String.valueOf(value);
        s = s.codePoints().limit(QUOTED + 1L).map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.codePointCount(0, s.length()) > QUOTED ? s.substring(0, s.offsetByCodePoints(0, QUOTED)) + "…" : s;
    }

    /** The request's path as the problem's {@code instance} (the error dispatch would say "/error"). */
    private static java.net.URI instance(String path) {
        try {
            return path == null ? null : new java.net.URI(null, null, path, null);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
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

    private static String slug(int status) {
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

    /** Reads what Jackson says about an unreadable body: which field, what it should have been. */
    private static final class JsonErrors {

        Problem describe(HttpMessageNotReadableException e) {
            // Jackson's own exception, not its root cause (a date's DateTimeException knows no field)
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof tools.jackson.core.JacksonException)) {
                cause = cause.getCause();
            }
            if (cause instanceof tools.jackson.core.exc.StreamConstraintsException) {
                return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "请求内容过大（JSON 文档不超过1 MB，单个字符串不超过10万字）");
            }
            if (cause instanceof tools.jackson.databind.exc.MismatchedInputException m && m.getOriginalMessage() != null
                    && m.getOriginalMessage().startsWith("Trailing token")) { // Jackson's wording: no type of its own
                return Problem.of(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON（文档之后还有多余的内容）");
            }
            if (cause instanceof tools.jackson.core.JacksonException j && !j.getPath().isEmpty()) {
                String field = path(j.getPath());
                Class<?> target = cause instanceof tools.jackson.databind.exc.MismatchedInputException m
                        ? m.getTargetType() : null;
                String reason = target == null ? "格式不正确" : "应为" + kind(target);
                return Problem.invalid(field, "字段 " + field + " " + reason);
            }
            if (cause instanceof tools.jackson.core.exc.StreamReadException s) {
                var at = s.getLocation();
                return Problem.of(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON" + (at == null || at.getLineNr() < 0
                        ? "" : "（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列附近）"));
            }
            if (cause instanceof tools.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
                return Problem.of(HttpStatus.BAD_REQUEST, "请求内容应为" + kind(m.getTargetType()));
            }
            return Problem.of(HttpStatus.BAD_REQUEST, "缺少请求内容，或请求内容不是有效的 JSON");
        }

        private static String path(java.util.List<tools.jackson.core.JacksonException.Reference> refs) {
            StringBuilder s = new StringBuilder();
            for (var ref : refs) {
                if (ref.getPropertyName() != null) {
                    s.append(s.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    s.append('[').append(ref.getIndex()).append(']');
                }
            }
            return s.toString();
        }

        /** What a value of this type looks like, in Chinese (for "应为…"). */
        static String kind(Class<?> type) {
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                    || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
                return "整数";
            }
            if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
                return "数字";
            }
            if (type == Boolean.class || type == boolean.class) {
                return " true 或 false";
            }
            if (type == java.time.LocalDate.class) {
                return "日期，格式为 年-月-日，例如 2024-07-01";
            }
            if (type == java.time.YearMonth.class) {
                return "年月，格式为 年-月，例如 2024-07";
            }
            if (type.isEnum()) {
                return "以下之一：" + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .collect(java.util.stream.Collectors.joining("、"));
            }
            if (type == String.class) {
                return "文本（带引号的字符串）";
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "数组";
            }
            return "对象";
        }

        static String expected(Class<?> type) {
            return type == null || type == String.class ? "" : "，应为" + kind(type);
        }
    }
}
