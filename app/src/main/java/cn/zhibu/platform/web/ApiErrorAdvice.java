package cn.zhibu.platform.web;

import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.RateLimitedException;
import cn.zhibu.platform.PayloadTooLargeException;
import cn.zhibu.platform.UnsupportedContentException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.LinkedHashMap;
import java.util.Map;

/** API errors as JSON with a Chinese message and, for bad input, the message of each field. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler({ForbiddenException.class, org.springframework.security.access.AccessDeniedException.class})
    ResponseEntity<Map<String, Object>> forbidden(RuntimeException e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.fieldErrors());
    }

    /** A per-user hourly limit is used up (e.g. 身份证号 hits elsewhere, {@link cn.zhibu.platform.IdNumberHits}). */
    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Map<String, Object>> rateLimited(RateLimitedException e) {
        return body(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), e.fieldErrors());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Map<String, Object>> tooLarge(PayloadTooLargeException e) {
        return body(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), e.fieldErrors());
    }

    @ExceptionHandler(UnsupportedContentException.class)
    ResponseEntity<Map<String, Object>> unsupported(UnsupportedContentException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), e.fieldErrors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的值无效：" + e.getValue(),
                Map.of(e.getName(), "值无效：" + e.getValue()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName(),
                Map.of(e.getParameterName(), "必填"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON，或某个字段的格式不对（日期格式为 yyyy-MM-dd，枚举值见接口文档）",
                null);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message,
                                                            Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("message", message);
        if (errors != null) {
            body.put("errors", errors);
        }
        return ResponseEntity.status(status).body(body);
    }
}
