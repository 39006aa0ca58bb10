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
 * Answers a {@code @CachedRead} GET without running it when the cache holds this caller's answer to this URI under
 * the current version: 304 if the client's {@code If-None-Match} is its tag, else the kept body; otherwise lets the
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
        // answer's version old at once, never the other way round
        long version = version(scope);
        String key = ReadCache.key(scope.actorId(), uri);
        response.setHeader("Cache-Control", "private, no-cache");
        ReadCache.Entry kept = refresh(request) ? null : cache.find(key, version);
        if (kept != null) {
            response.setHeader("ETag", kept.tag());
            if (matches(request.getHeader("If-None-Match"), kept.tag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            } else {
                response.setContentType(kept.contentType());
                response.setContentLength(kept.body().length);
                response.getOutputStream().write(kept.body());
            }
            return false;
        }
        CapturedResponse captured = WebUtils.getNativeResponse(response, CapturedResponse.class);
        if (captured != null) {
            captured.capture(cache.newTag(scope.actorId(), uri), cache.maxEntryBytes());
            request.setAttribute(ReadCacheFilter.PENDING, new ReadCacheFilter.Pending(key, version));
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

    private static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            if (candidate.strip().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refresh(HttpServletRequest request) {
        String cacheControl = request.getHeader("Cache-Control");
        return (cacheControl != null && cacheControl.contains("no-cache"))
                || "no-cache".equals(request.getHeader("Pragma"));
    }
}
