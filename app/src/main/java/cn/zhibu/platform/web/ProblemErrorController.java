package cn.zhibu.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The servlet container's error dispatch ({@code /error}), in place of Spring Boot's: whatever failed outside a
 * controller — an unknown path, a method or media type no mapping takes, an upload over the limit, a 401 or 403 of
 * Spring Security, an exception in a filter — answers an API path ({@code /api/**}) with a problem document, whatever
 * the client accepts, and a page with the friendly error page ({@code error/problem}, the navigation kept). Kept trivial: an error here would be the container's
 * own page.
 */
@Controller
@ConditionalOnWebApplication // the error attributes exist with the web application only
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private final ErrorAttributes errorAttributes;
    private final ProblemMapper problems;

    ProblemErrorController(ErrorAttributes errorAttributes, ProblemMapper problems) {
        this.errorAttributes = errorAttributes;
        this.problems = problems;
    }

    @RequestMapping
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // /error asked for by its own path (no error dispatch, nothing failed) is a page that is not there
        int fallback = request.getDispatcherType() == DispatcherType.ERROR ? 500 : 404;
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer c && c >= 400 ? c : fallback);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (ApiPaths.isApi(path)) {
            Throwable error = errorAttributes.getError(new ServletWebRequest(request));
            return problems.forErrorDispatch(error, status, request.getMethod(), path,
                    (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        // the same page as a controller's 404 or 403 (PageErrorAdvice), with the navigation of whoever is signed in
        return new ModelAndView("error/problem", Map.of("title", title(status.value()), "message",
                message(status.value())), known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known);
    }

    private static String title(int status) {
        return switch (status) {
            case 404 -> "页面不存在";
            case 403 -> "无权访问";
            case 413 -> "文件过大";
            default -> status >= 500 ? "出错了" : "无法完成请求";
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 404 -> "您访问的页面不存在，请检查地址或从导航进入。";
            case 403 -> "您没有访问该页面的权限。";
            case 413 -> "上传的文件超过了大小限制，请压缩或拆分后再上传。";
            default -> status >= 500 ? "系统暂时无法完成请求，请稍后再试；如果问题持续，请联系管理员。"
                    : "请求无法完成，请返回上一页后重试。";
        };
    }
}
