package cn.zhibu.platform.web;

import cn.zhibu.platform.CachedRead;
import cn.zhibu.platform.CallerScopes;
import cn.zhibu.platform.DataChanges;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers a {@code @CachedRead} GET without running it when it can: 304 if the client's {@code If-None-Match} is the
 * current tag, the kept body if the cache holds this caller's answer under the current tag; otherwise lets the
 * handler run and asks the filter to keep its answer. Runs after authentication, and only for the caller's own
 * entries: the tag and the key both name the caller. {@code Cache-Control: no-cache} from the client skips the kept
 * body (the answer is computed afresh).
 */
@Component
class ReadCacheInterceptor implements HandlerInterceptor {

    private final ReadCache cache;
    private final DataChanges changes;
    private final CallerScopes callers;

    ReadCacheInterceptor(ReadCache cache, DataChanges changes, CallerScopes callers) {
        this.cache = cache;
        this.changes = changes;
        this.callers = callers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!cache.enabled() || !"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || !method.hasMethodAnnotation(CachedRead.class)) {
            return true;
        }
        Optional<DataScope> caller = callers.of(request);
        if (caller.isEmpty()) {
            return true;
        }
        DataScope scope = caller.get();
        String uri = request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        // the version is read before the handler reads the data: a change committed in between makes the kept
        // answer's tag old at once, never the other way round
        String tag = cache.tag(scope.actorId(), uri, version(scope));
        String key = ReadCache.key(scope.actorId(), uri);
        response.setHeader("Cache-Control", "private, no-cache");
        if (!refresh(request)) {
            if (tag.equals(request.getHeader("If-None-Match"))) {
                response.setHeader("ETag", tag);
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return false;
            }
            ReadCache.Entry kept = cache.find(key, tag);
            if (kept != null) {
                response.setHeader("ETag", tag);
                response.setContentType(kept.contentType());
                response.setContentLength(kept.body().length);
                response.getOutputStream().write(kept.body());
                return false;
            }
        }
        CapturedResponse captured = WebUtils.getNativeResponse(response, CapturedResponse.class);
        if (captured != null) {
            captured.capture(tag, cache.maxEntryBytes());
            request.setAttribute(ReadCacheFilter.PENDING, key);
        }
        return true;
    }

    private long version(DataScope scope) {
        if (scope.all()) {
            return changes.latest();
        }
        List<TreePath> roots = new ArrayList<>(scope.memberPaths());
        if (scope.selfOrgPath() != null) {
            roots.add(scope.selfOrgPath());
        }
        return changes.versionOf(roots);
    }

    private static boolean refresh(HttpServletRequest request) {
        String cacheControl = request.getHeader("Cache-Control");
        return (cacheControl != null && cacheControl.contains("no-cache"))
                || "no-cache".equals(request.getHeader("Pragma"));
    }
}
