package cn.zhibu.platform.web;

import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.PayloadTooLargeException;
import cn.zhibu.platform.RateLimitedException;
import cn.zhibu.platform.RetryLater;
import cn.zhibu.platform.UnsupportedContentException;
import org.apache.tomcat.util.http.InvalidParameterException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.sql.SQLException;
import java.util.UUID;

/**
 * What an exception means to an API client, as a {@link Problem} (RFC 9457, {@code application/problem+json}) with
 * the right status and a Chinese detail: ours (bad input, not found, forbidden), Spring MVC's and Spring Security's,
 * Jackson's (through {@link JsonBodyErrors}), the database's refusal of a value. Used for exceptions of API controllers ({@link ApiErrorAdvice}) and for errors that reach the servlet container's
 * error dispatch ({@link ProblemErrorController}: unknown paths, 405, 413, security, filters). A server error shows
 * a generic message with an incident number that the log carries with the stack trace; never the exception itself.
 */
@Component
class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

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
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof ErrorResponse er) {
            headers.putAll(er.getHeaders()); // Allow of a 405, Accept of a 415 …
        }
        if (ex instanceof RetryLater later) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, later.retryAfter().toSeconds())));
        }
        return ResponseEntity.status(p.status()).headers(headers).contentType(Problem.JSON).body(p.document(path));
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
            if (p == null || p.status() != status.value()) {
                error = null;
            }
        }
        if (error == null && message != null && message.codePoints().anyMatch(
                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return ResponseEntity.status(status).contentType(Problem.JSON)
                    .body(new Problem(status.value(), message, null).document(path));
        }
        return toProblem(error, status, method, path);
    }

    /** The problem of an exception we know; null for any other (a server error). */
    private Problem known(Throwable ex, String method, String path) {
        if (ex instanceof RetryLater || ex instanceof RateLimitedException) {
            return new Problem(429, ex.getMessage(), ex instanceof InvalidInputException e && !e.fieldErrors().isEmpty()
                    ? e.fieldErrors() : null);
        }
        if (ex instanceof InvalidParameterException) { // Tomcat could not decode the form's %-escapes
            return Problem.of(HttpStatus.BAD_REQUEST, "请求参数无法解码：请检查 % 转义是否完整，并使用 UTF-8 编码");
        }
        if (ex instanceof PayloadTooLargeException e) {
            return new Problem(413, e.getMessage(), e.fieldErrors().isEmpty() ? null : e.fieldErrors());
        }
        if (ex instanceof UnsupportedContentException e) {
            return new Problem(415, e.getMessage(), e.fieldErrors().isEmpty() ? null : e.fieldErrors());
        }
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
                    ? byStatus(401, method, path).detail() : e.getMessage());
        }
        if (ex instanceof ServiceNotConfiguredException e) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
        if (ex instanceof HttpMessageNotReadableException e) {
            return JsonBodyErrors.describe(e);
        }
        if (ex instanceof HandlerMethodValidationException e) {
            return Problem.invalid(ValidationErrors.parameterErrors(e));
        }
        if (ex instanceof org.springframework.validation.BindException e) { // MethodArgumentNotValidException too
            return Problem.invalid(ValidationErrors.fieldErrors(e.getBindingResult()));
        }
        if (ex instanceof MissingServletRequestParameterException e) {
            return Problem.invalid(e.getParameterName(), "缺少参数 " + e.getParameterName());
        }
        if (ex instanceof MissingServletRequestPartException e) {
            return Problem.invalid(e.getRequestPartName(), "缺少上传的 " + e.getRequestPartName());
        }
        if (ex instanceof TypeMismatchException e) { // a path variable or query parameter of the wrong type
            String name = e.getPropertyName() == null ? "" : e.getPropertyName();
            return Problem.invalid(name, (name.isEmpty() ? "" : "参数 " + name + " 的") + "值“"
                    + ValidationErrors.quote(e.getValue()) + "”无效" + JsonBodyErrors.expected(e.getRequiredType()));
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

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }


}
