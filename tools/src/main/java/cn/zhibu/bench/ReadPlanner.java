package cn.zhibu.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the sampled organizations and members into the read operations of the issue: dashboard, search by name,
 * by initials and by 身份证号, list page 1 and page 200, member detail, tree expand, the inbox and the 组织生活 heat map,
 * per level where the issue asks for levels. Whatever cannot be measured on this data set is left out with a note.
 */
final class ReadPlanner {

    private static final int DEEP_PAGE = 200;
    /** Walking 199 pages to reach a deep page costs ~200 requests per organization, so only a few are used. */
    private static final int DEEP_PAGE_ORGS = 5;
    private static final Set<Level> LIST_LEVELS = EnumSet.of(Level.CITY, Level.COUNTY);

    private final ApiClient api;
    private final DatasetSampler sampler;
    private final Map<Level, List<SampleOrg>> samples;
    private final int requestsPerOperation;
    private final List<String> notes;
    private final List<ReadOperation> operations = new ArrayList<>();

    ReadPlanner(ApiClient api, DatasetSampler sampler, Map<Level, List<SampleOrg>> samples, int requestsPerOperation,
                List<String> notes) {
        this.api = api;
        this.sampler = sampler;
        this.samples = samples;
        this.requestsPerOperation = requestsPerOperation;
        this.notes = notes;
    }

    List<ReadOperation> plan() {
        samples.forEach((level, orgs) -> {
            if (orgs.isEmpty()) {
                notes.add(level.label() + ": no organization at this level in the user's scope; its reads are skipped");
            }
        });
        perLevel("dashboard", EnumSet.allOf(Level.class), org -> "/api/v1/orgs/" + org.id() + "/dashboard");
        perLevel("search_name", EnumSet.allOf(Level.class),
                org -> org.member() == null ? null : search(org.id(), org.member().name()));
        perLevel("search_initials", EnumSet.allOf(Level.class),
                org -> org.member() == null ? null : search(org.id(), org.member().initials()));
        List<SampledMember> members = distinctMembers();
        searchById(members);
        perLevel("list_page1", LIST_LEVELS, org -> DeepPager.listUri(org.id()));
        LIST_LEVELS.forEach(this::deepPage);
        add("detail", members.stream().map(m -> "/api/v1/members/" + m.id()).toList(), Map.of());
        perLevel("tree_expand", EnumSet.allOf(Level.class), org -> "/api/v1/orgs/" + org.id() + "/children");
        perLevel("admission_pipeline", EnumSet.allOf(Level.class), org -> "/api/v1/admission/cases?orgId=" + org.id());
        // the first page of every user: the inbox of the organization (drilled into from above) and the navigation's badge
        perLevel("inbox", EnumSet.allOf(Level.class), org -> "/api/v1/inbox?orgId=" + org.id());
        add("inbox_count", List.of("/api/v1/inbox/count"), Map.of());
        // 组织生活 compliance: the heat map of the province and of a city (their direct children × the year's months)
        perLevel("life_compliance", EnumSet.of(Level.ROOT, Level.CITY),
                org -> "/api/v1/life/compliance/heatmap?org=" + org.id());
        // ... its list of the organizations behind this month, and the meeting list's first page (newest first)
        perLevel("life_behind", EnumSet.of(Level.ROOT, Level.CITY, Level.COUNTY),
                org -> "/api/v1/life/compliance/behind?org=" + org.id());
        perLevel("life_meetings", EnumSet.allOf(Level.class), org -> "/api/v1/life/meetings?orgId=" + org.id());
        // 党费: a committee's year per child from the roll-up, its arrears list (first keyset page), a branch's month,
        // and a committee's bills of this month (the first page)
        Set<Level> committees = EnumSet.of(Level.ROOT, Level.CITY, Level.COUNTY);
        perLevel("dues_rollup", committees, org -> "/api/v1/dues/rollup?org=" + org.id());
        perLevel("dues_arrears", committees, org -> "/api/v1/dues/arrears?org=" + org.id() + "&min=6");
        perLevel("dues_branch", EnumSet.of(Level.BRANCH), org -> "/api/v1/dues/branch?org=" + org.id());
        perLevel("dues_bills", committees, org -> "/api/v1/dues/bills?orgId=" + org.id());
        // 学习教育: a member's learning (as their managers read it), a branch's members behind, a committee's roll-up
        add("learning_member", members.stream().map(m -> "/api/v1/learning/members/" + m.id()).toList(), Map.of());
        perLevel("learning_branch", EnumSet.of(Level.BRANCH), org -> "/api/v1/learning/branch/" + org.id());
        perLevel("learning_rollup", committees, org -> "/api/v1/learning/rollup/" + org.id());
        return operations;
    }

    private void perLevel(String kind, Set<Level> levels, Function<SampleOrg, String> uriOf) {
        for (Level level : levels) {
            if (samples.get(level).isEmpty()) {
                continue; // said once for the level, not once per operation
            }
            List<SampleOrg> orgs = samples.get(level).stream().filter(o -> uriOf.apply(o) != null).toList();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("orgs_sampled", orgs.size());
            facts.put("subtree_members_avg", Math.round(orgs.stream().mapToLong(SampleOrg::members).average().orElse(0)));
            add(kind + "_" + level.label(), orgs.stream().map(uriOf).toList(), facts);
        }
    }

    /** 身份证号 are stored encrypted, so they are read back through the API (untimed) for the members sampled. */
    private void searchById(List<SampledMember> members) {
        List<String> uris = new ArrayList<>();
        for (SampledMember member : members) {
            ApiResponse detail = api.get("/api/v1/members/" + member.id());
            String idNumber = detail.ok() ? Json.text(detail.json(), "idNumber") : null;
            if (idNumber != null && !idNumber.contains("*")) {
                uris.add("/api/v1/members?size=" + DeepPager.PAGE_SIZE + "&q=" + ApiClient.encode(idNumber));
            }
        }
        if (uris.isEmpty()) {
            notes.add("search_id: no unmasked 身份证号 to search for (masked for this user, or no members); not measured");
            return;
        }
        add("search_id", uris, Map.of());
    }

    private void deepPage(Level level) {
        String name = "list_page" + DEEP_PAGE + "_" + level.label();
        long needed = (long) (DEEP_PAGE - 1) * DeepPager.PAGE_SIZE + 1;
        List<SampleOrg> orgs = sampler.sampleLarge(level, needed, Math.min(requestsPerOperation, DEEP_PAGE_ORGS));
        if (orgs.isEmpty()) {
            notes.add(name + ": no " + level.label() + " has the " + needed + "+ members a page " + DEEP_PAGE
                    + " needs; not measured");
            return;
        }
        DeepPager pager = new DeepPager(api);
        List<String> uris = new ArrayList<>();
        Set<String> pagings = new LinkedHashSet<>();
        for (SampleOrg org : orgs) {
            DeepPager.DeepPage page = pager.find(org.id(), DEEP_PAGE);
            if (page.uri() == null) {
                notes.add(name + ": " + page.problem());
            } else {
                uris.add(page.uri());
                pagings.add(page.paging());
            }
        }
        if (pagings.contains("offset")) {
            notes.add(name + ": the API returned no nextCursor (keyset paging not available); timed the numbered"
                    + " page (offset) instead");
        }
        add(name, uris, Map.of("orgs_sampled", uris.size(), "paging", String.join("+", pagings)));
    }

    private void add(String name, List<String> uris, Map<String, Object> facts) {
        if (uris.isEmpty()) {
            notes.add(name + ": nothing to measure on this data set");
            return;
        }
        operations.add(new ReadOperation(name, uris, facts));
    }

    private List<SampledMember> distinctMembers() {
        Map<Long, SampledMember> byId = new LinkedHashMap<>();
        samples.values().stream().flatMap(List::stream).map(SampleOrg::member).filter(Objects::nonNull)
                .forEach(m -> byId.putIfAbsent(m.id(), m));
        return byId.values().stream().limit(requestsPerOperation).toList();
    }

    private static String search(long orgId, String text) {
        return "/api/v1/members?orgId=" + orgId + "&size=" + DeepPager.PAGE_SIZE + "&q=" + ApiClient.encode(text);
    }
}
