package cn.zhibu.bench;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The subtrees the benchmark user manages (from {@code GET /api/v1/me}). Samples are drawn inside them only, so
 * that no measured request is a 404 for being out of scope.
 */
record Scope(String userName, boolean admin, List<String> paths) {

    static Scope of(ApiClient api) {
        ApiResponse me = api.get("/api/v1/me");
        if (!me.ok()) {
            throw new BenchException("GET /api/v1/me failed: " + me.describe());
        }
        JsonNode json = me.json();
        List<String> paths = new ArrayList<>();
        json.path("managedPaths").forEach(p -> paths.add(p.asString()));
        boolean admin = json.path("admin").asBoolean(false);
        if (!admin && paths.isEmpty()) {
            throw new BenchException("the benchmark user manages no organization; use an ORG_ADMIN or ADMIN account");
        }
        return new Scope(Json.text(json, "name"), admin, List.copyOf(paths));
    }

    /** Path prefixes an organization must start with; every path starts with '/'. */
    String[] prefixes() {
        return admin ? new String[]{"/"} : paths.toArray(String[]::new);
    }

    /** SQL condition on organization {@code o}, bound to {@link #prefixes()}. */
    static String condition() {
        return "exists (select 1 from unnest(?::text[]) s(prefix) where starts_with(o.path, s.prefix))";
    }
}
