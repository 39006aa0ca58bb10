package cn.zhibu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the controller method of a request among the mappings that can match it, not all of them. Spring MVC looks up
 * a path without variables directly, but matches a path with one ({@code /api/v1/orgs/1/dashboard}) against every
 * mapping of the application; with a few hundred mappings that was a quarter of a dashboard request's CPU.
 *
 * <p>Each mapping is filed under the literal segments its patterns start with (up to {@value #DEPTH}); a request is
 * matched only against the mappings filed under its own leading segments. The choice among those, and everything
 * unusual — CORS pre-flight, no match (404, 405, 415 …), two equally good matches — is Spring's own.
 */
class PrefixIndexedHandlerMapping extends RequestMappingHandlerMapping {

    /** Five: three put every 学习 API endpoint (courses, exams, classes, study …) in one list of 68. */
    static final int DEPTH = 5;

    private record Candidate(RequestMappingInfo info, HandlerMethod handler) {
    }

    private volatile Map<String, List<Candidate>> index;
    private volatile boolean enabled = true;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        // matrix variables (";") make a segment differ from its literal: leave such paths to the full scan
        if (!enabled || CorsUtils.isPreFlightRequest(request) || lookupPath.indexOf(';') >= 0) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<RequestMappingInfo> matches = new ArrayList<>();
        Map<RequestMappingInfo, HandlerMethod> handlers = new HashMap<>();
        Map<String, List<Candidate>> byPrefix = index();
        for (String prefix : prefixes(lookupPath)) {
            for (Candidate c : byPrefix.getOrDefault(prefix, List.of())) {
                RequestMappingInfo match = getMatchingMapping(c.info(), request);
                if (match != null) {
                    matches.add(match);
                    handlers.put(match, c.handler());
                }
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Comparator<RequestMappingInfo> order = getMappingComparator(request);
        matches.sort(order);
        if (matches.size() > 1 && order.compare(matches.get(0), matches.get(1)) == 0) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        RequestMappingInfo best = matches.get(0);
        HandlerMethod handler = handlers.get(best);
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(best, lookupPath, request);
        return handler;
    }

    /** How many mappings a path is matched against (the test checks the index narrows the search). */
    int candidates(String path) {
        Map<String, List<Candidate>> byPrefix = index();
        return prefixes(path).stream().mapToInt(p -> byPrefix.getOrDefault(p, List.of()).size()).sum();
    }

    /** For the test that compares this lookup with Spring's on every mapping. */
    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    private Map<String, List<Candidate>> index() {
        Map<String, List<Candidate>> built = index;
        if (built == null) {
            built = new HashMap<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : getHandlerMethods().entrySet()) {
                for (String pattern : e.getKey().getPatternValues()) {
                    built.computeIfAbsent(literalPrefix(pattern), k -> new ArrayList<>())
                            .add(new Candidate(e.getKey(), e.getValue()));
                }
            }
            built.replaceAll((k, v) -> v.stream().distinct().toList());
            index = built;
        }
        return built;
    }

    /** The leading literal segments of a pattern, at most {@link #DEPTH}, joined by '/'; "" when it starts variable. */
    static String literalPrefix(String pattern) {
        StringBuilder prefix = new StringBuilder();
        int taken = 0;
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (taken == DEPTH || segment.contains("{") || segment.contains("*") || segment.contains("?")) {
                break;
            }
            prefix.append(taken == 0 ? "" : "/").append(segment);
            taken++;
        }
        return prefix.toString();
    }

    /** "", then the path's first segment, first two, … up to {@link #DEPTH}: the prefixes a matching pattern can be filed under. */
    static List<String> prefixes(String path) {
        List<String> result = new ArrayList<>(DEPTH + 1);
        result.add("");
        StringBuilder prefix = new StringBuilder();
        int taken = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (taken == DEPTH) {
                break;
            }
            prefix.append(taken == 0 ? "" : "/").append(segment);
            result.add(prefix.toString());
            taken++;
        }
        return result;
    }
}
