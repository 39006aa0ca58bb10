package cn.zhibu.fuzz;

import tools.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds ids of real records through the API's own list endpoints, as the given account sees them: what the caller
 * may touch (its own) and, through a wider account, what it may not (others'). Bounded, so it works on a province.
 */
final class IdHarvester {

    private static final int MAX_ORGS = 300;
    private static final int MAX_PER_KIND = 200;

    private final FuzzHttp http;
    private final String token;
    private final Map<String, Set<String>> ids = new TreeMap<>();

    private IdHarvester(FuzzHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    static Map<String, Set<String>> harvest(FuzzHttp http, String token) {
        IdHarvester h = new IdHarvester(http, token);
        h.run();
        return h.ids;
    }

    private void run() {
        List<String> roots = new ArrayList<>();
        JsonNode me = http.getJson("/api/v1/me", token);
        if (me != null && me.has("memberId") && !me.get("memberId").isNull()) {
            add("members", List.of(me.get("memberId").asString()));
        }
        JsonNode rootList = http.getJson("/api/v1/orgs", token);
        if (rootList != null) {
            roots.addAll(IdPools.ids(rootList));
        }
        List<String> orgs = walkOrgs(roots);
        add("orgs", orgs);
        addAll("members", "/api/v1/members?size=100");
        addAll("transfers", "/api/v1/transfers?direction=OUTGOING&size=100");
        addAll("transfers", "/api/v1/transfers?direction=INCOMING&size=100");
        addAll("publicity", "/api/v1/publicity?size=100");
        addAll("meetings", "/api/v1/life/meetings?size=100");
        for (String root : roots) {
            addAll("archived", "/api/v1/archived-members?size=100&orgId=" + root);
            addAll("cases", "/api/v1/admission/cases?orgId=" + root);
            addAll("outflows", "/api/v1/orgs/" + root + "/outflows?awayOnly=false");
            addAll("inflows", "/api/v1/orgs/" + root + "/inflows?presentOnly=false");
        }
        for (String org : orgs.subList(0, Math.min(orgs.size(), 40))) {
            JsonNode committee = http.getJson("/api/v1/orgs/" + org + "/committee", token);
            if (committee != null) {
                add("seats", IdPools.ids(committee));
            }
        }
        for (String caseId : List.copyOf(ids.getOrDefault("cases", Set.of()))) {
            JsonNode c = http.getJson("/api/v1/admission/cases/" + caseId, token);
            if (c != null) {
                add("steps", IdPools.ids(c));
            }
            addAll("documents", "/api/v1/admission/cases/" + caseId + "/documents");
        }
    }

    /** The organizations below the roots, breadth first, dissolved ones included. */
    private List<String> walkOrgs(List<String> roots) {
        List<String> seen = new ArrayList<>(roots);
        Deque<String> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty() && seen.size() < MAX_ORGS) {
            JsonNode children = http.getJson("/api/v1/orgs/" + queue.poll() + "/children?includeDissolved=true", token);
            if (children == null) {
                continue;
            }
            for (String child : IdPools.ids(children)) {
                if (!seen.contains(child) && seen.size() < MAX_ORGS) {
                    seen.add(child);
                    queue.add(child);
                }
            }
        }
        return seen;
    }

    private void addAll(String kind, String listPath) {
        JsonNode answer = http.getJson(listPath, token);
        if (answer != null) {
            add(kind, IdPools.ids(answer));
        }
    }

    private void add(String kind, List<String> found) {
        Set<String> set = ids.computeIfAbsent(kind, k -> new LinkedHashSet<>());
        for (String id : found) {
            if (set.size() < MAX_PER_KIND) {
                set.add(id);
            }
        }
    }
}
