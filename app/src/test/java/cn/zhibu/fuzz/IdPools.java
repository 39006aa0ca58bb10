package cn.zhibu.fuzz;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Ids of real records by kind ("orgs", "members", "cases" …): the caller's own, and others' (another branch's), so
 * that the fuzzer's requests hit records in scope and records out of it, not only ids that do not exist.
 */
final class IdPools {

    private final Map<String, List<String>> own;
    private final Map<String, List<String>> foreign;

    private IdPools(Map<String, List<String>> own, Map<String, List<String>> foreign) {
        this.own = own;
        this.foreign = foreign;
    }

    static IdPools of(Map<String, Set<String>> own, Map<String, Set<String>> all) {
        Map<String, List<String>> mine = new LinkedHashMap<>();
        Map<String, List<String>> theirs = new LinkedHashMap<>();
        own.forEach((kind, ids) -> mine.put(kind, List.copyOf(ids)));
        all.forEach((kind, ids) -> {
            Set<String> others = new LinkedHashSet<>(ids);
            others.removeAll(own.getOrDefault(kind, Set.of()));
            theirs.put(kind, List.copyOf(others));
        });
        return new IdPools(mine, theirs);
    }

    /** An own id of the kind (60%) or another's (40%); null when neither is known. */
    String pick(String kind, RandomGenerator random) {
        List<String> mine = own.getOrDefault(kind, List.of());
        List<String> theirs = foreign.getOrDefault(kind, List.of());
        boolean useOwn = !mine.isEmpty() && (theirs.isEmpty() || random.nextInt(10) < 6);
        List<String> from = useOwn ? mine : theirs;
        return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
    }

    String summary() {
        StringBuilder b = new StringBuilder();
        for (String kind : kinds()) {
            b.append(kind).append(' ').append(own.getOrDefault(kind, List.of()).size()).append(" own/")
                    .append(foreign.getOrDefault(kind, List.of()).size()).append(" others', ");
        }
        return b.isEmpty() ? "none" : b.substring(0, b.length() - 2);
    }

    private Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>(own.keySet());
        kinds.addAll(foreign.keySet());
        return kinds;
    }

    /** The kind of record an id names, from the path segment before it or the field's name ("orgId" → orgs). */
    static String kindOfPathParameter(String path, String parameter) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                return kindOfSegment(segments[i - 1]);
            }
        }
        return kindOfField(parameter);
    }

    static String kindOfSegment(String segment) {
        return switch (segment) {
            case "orgs" -> "orgs";
            case "members" -> "members";
            case "cases" -> "cases";
            case "transfers" -> "transfers";
            case "publicity" -> "publicity";
            case "outflows" -> "outflows";
            case "inflows" -> "inflows";
            case "archived-members" -> "archived";
            case "seats" -> "seats";
            case "documents" -> "documents";
            case "member-imports" -> "imports";
            case "member-exports" -> "exports";
            case "meetings" -> "meetings";
            // /life/meetings/{id}/attendance/{memberId}: an invitee is a member
            case "attendance" -> "members";
            default -> segment.toLowerCase(Locale.ROOT);
        };
    }

    static String kindOfField(String field) {
        return switch (field) {
            case "orgId", "org", "parentId", "toOrgId", "fromOrgId" -> "orgs";
            case "memberId", "memberIds" -> "members";
            case "subjectId", "caseId" -> "cases";
            case "publicityId" -> "publicity";
            case "seatId" -> "seats";
            case "documentId" -> "documents";
            case "stepId" -> "steps";
            case "transferId" -> "transfers";
            default -> null;
        };
    }

    /** Collects the "id" of every object in a list answer: a top-level array or any array of the top object. */
    static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        List<JsonNode> arrays = new ArrayList<>();
        if (answer.isArray()) {
            arrays.add(answer);
        } else if (answer.isObject()) {
            for (String name : answer.propertyNames()) {
                if (answer.get(name).isArray()) {
                    arrays.add(answer.get(name));
                }
            }
        }
        for (JsonNode array : arrays) {
            for (JsonNode item : array) {
                if (item.has("id") && !item.get("id").isNull()) {
                    ids.add(item.get("id").asString());
                }
            }
        }
        return ids;
    }
}
