package cn.zhibu.platform.web;

import cn.zhibu.platform.DataChanges;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The two ends of the read cache around every request. A GET of the API passes through a {@link CapturedResponse},
 * so that the answer of a {@code @CachedRead} handler the interceptor asked for is kept. A request that may write
 * (any other method) and recorded no change — its writes went around transactions, or it wrote nothing — declares
 * "anything changed": the cache is never stale after a write the caller made, whatever path the write took.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ReadCacheFilter extends OncePerRequestFilter {

    static final String PENDING = ReadCacheFilter.class.getName() + ".pending";

    /** An answer to keep: its key and the version it is computed under. */
    record Pending(String key, long version) {
    }

    private final ReadCache cache;
    private final DataChanges changes;

    ReadCacheFilter(ReadCache cache, DataChanges changes) {
        this.cache = cache;
        this.changes = changes;
    }

    /** Logging in or out, or changing one's password, changes no organization data. */
    private static boolean signsInOrOut(String uri) {
        return uri.equals("/login") || uri.equals("/logout") || uri.startsWith("/api/v1/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if ("GET".equals(method) && cache.enabled() && request.getRequestURI().startsWith("/api/")) {
            CapturedResponse captured = new CapturedResponse(response);
            chain.doFilter(request, captured);
            if (request.getAttribute(PENDING) instanceof Pending pending) {
                byte[] body = captured.captured();
                if (body != null) {
                    cache.keep(pending.key(), new ReadCache.Entry(captured.getHeader("ETag"), pending.version(),
                            captured.getContentType(), body));
                }
            }
        } else if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || signsInOrOut(request.getRequestURI())) {
            chain.doFilter(request, response);
        } else {
            long before = changes.recordedHere();
            try {
                chain.doFilter(request, response);
            } finally {
                if (changes.recordedHere() == before) {
                    changes.touchedAnything();
                }
            }
        }
    }
}
