package cn.zhibu.platform.web;

import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.RateLimitedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Pages answer 404 and 403 with a friendly Chinese page rather than a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(RuntimeException e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("title", "未找到");
        model.addAttribute("message", e instanceof NotFoundException ? e.getMessage() : "页面地址不正确");
        return "error/problem";
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("title", "无权操作");
        model.addAttribute("message", e.getMessage());
        return "error/problem";
    }

    /** Forms catch it and show it on the field; a page that does not answers 429 here. */
    @ExceptionHandler(RateLimitedException.class)
    String rateLimited(RateLimitedException e, Model model, HttpServletResponse response) {
        response.setStatus(429);
        model.addAttribute("title", "操作过于频繁");
        model.addAttribute("message", e.getMessage());
        return "error/problem";
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        return badRequest(e.getMessage(), model, response);
    }

    /** A query parameter or a form the input policy refuses (a page's {@code @RequestParam} with a constraint). */
    @ExceptionHandler({HandlerMethodValidationException.class, BindException.class})
    String refused(Exception e, Model model, HttpServletResponse response) {
        var errors = e instanceof BindException b ? ValidationErrors.fieldErrors(b.getBindingResult())
                : ValidationErrors.parameterErrors((HandlerMethodValidationException) e);
        return badRequest(String.join("；", errors.values()), model, response);
    }

    /**
     * A form field naming a list row beyond what the binder grows a list to (a forged {@code rules[5000].count}): the
     * request, not the server.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    String forgedRow(Model model, HttpServletResponse response) {
        return badRequest("表单中的行数超出上限，请检查后重试", model, response);
    }

    private static String badRequest(String message, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("title", "无法完成操作");
        model.addAttribute("message", message);
        return "error/problem";
    }
}
