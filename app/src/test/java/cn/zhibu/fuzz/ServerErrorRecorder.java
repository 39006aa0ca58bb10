package cn.zhibu.fuzz;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only filter in front of the application: remembers the exception behind each fuzz request that ended in a
 * 5xx, by the request's {@value ApiFuzzer#REQUEST_HEADER}, so a failure is reported with its cause and not only
 * its status.
 */
final class ServerErrorRecorder extends OncePerRequestFilter {

    private final Map<String, String> causes = new ConcurrentHashMap<>();

    String cause(String requestId) {
        return causes.get(requestId);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(ApiFuzzer.REQUEST_HEADER);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            record(id, e);
            throw e;
        } finally {
            if (id != null && response.getStatus() >= 500 && !causes.containsKey(id)) {
                Object handled = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
                Object forwarded = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
                record(id, handled instanceof Throwable t ? t : forwarded instanceof Throwable t ? t : null);
            }
        }
    }

    private void record(String id, Throwable e) {
        if (id != null) {
            causes.putIfAbsent(id, e == null ? "(no exception: a 5xx set by the application)" : describe(e));
        }
    }

    /** The root cause with its message and the application's frame nearest to it. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = applicationFrame(root);
        if (where.isEmpty()) {
            where = applicationFrame(e);
        }
        String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        boolean wrapped = root != e && !(e instanceof ServletException);
        return (wrapped ? e.getClass().getSimpleName() + " ← " : "") + root.getClass().getName() + ": "
                + RequestFactory.truncate(message, 200) + where;
    }

    /**
     * The first frame of the application's own code, leaving out its servlet filters (every exception passes up
     * through them); else the frame that threw, for exceptions raised before the application is reached.
     */
    private static String applicationFrame(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("cn.zhibu.") && !isFilter(frame.getClassName())) {
                return " at " + frame.getClassName().replaceFirst("^cn\\.zhibu\\.", "") + "." + frame.getMethodName()
                        + ":" + frame.getLineNumber();
            }
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (!frame.getClassName().matches("(java|jdk|sun)\\..*|org\\.springframework\\.util\\..*")) {
                return " at " + frame.getClassName() + "." + frame.getMethodName();
            }
        }
        return "";
    }

    private static boolean isFilter(String className) {
        try {
            return jakarta.servlet.Filter.class.isAssignableFrom(Class.forName(className.replaceFirst("\\$.*", "")));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
