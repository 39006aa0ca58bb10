package cn.zhibu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One writer of the write workload, until the deadline: create a 预备党员 in one branch, change the job title, convert
 * them to full (a status change), move them to the other branch; then the same the other way round. Every call is
 * one member change; each is timed and counted.
 */
final class Writer implements Callable<List<Long>> {

    private final ApiClient api;
    private final WriterBranches branches;
    private final MemberDrafts drafts;
    private final LatencyStats stats;
    private final long deadlineNanos;

    Writer(ApiClient api, WriterBranches branches, MemberDrafts drafts, LatencyStats stats, long deadlineNanos) {
        this.api = api;
        this.branches = branches;
        this.drafts = drafts;
        this.stats = stats;
        this.deadlineNanos = deadlineNanos;
    }

    /** The ids of the members it created, for the clean-up. */
    @Override
    public List<Long> call() {
        List<Long> created = new ArrayList<>();
        for (int sequence = 0; !expired() && sequence < drafts.capacityPerWriter(); sequence++) {
            boolean outward = sequence % 2 == 0;
            OrgRef from = outward ? branches.home() : branches.away();
            OrgRef to = outward ? branches.away() : branches.home();
            MemberDraft draft = drafts.draft(branches.writer(), sequence, from.id()).probationary();
            ApiResponse response = api.post("/api/v1/members", draft.form());
            stats.record(response);
            if (response.ok()) {
                long id = response.json().path("id").asLong();
                created.add(id);
                changeUntilFailure(id, response.json().path("version").asInt(), draft.withJobTitle("支部委员" + sequence),
                        to.id());
            }
        }
        return created;
    }

    private void changeUntilFailure(long id, int version, MemberDraft edited, long awayOrgId) {
        ApiResponse response = put(id, version, edited);
        if (!response.ok() || expired()) {
            return;
        }
        version = response.json().path("version").asInt();
        response = api.post("/api/v1/members/" + id + "/status-changes", edited.conversion());
        stats.record(response);
        if (!response.ok() || expired()) {
            return;
        }
        put(id, version + 1, edited.converted().inOrg(awayOrgId));
    }

    private ApiResponse put(long id, int version, MemberDraft draft) {
        ApiResponse response = api.put("/api/v1/members/" + id, Map.of("version", version, "member", draft.form()));
        stats.record(response);
        return response;
    }

    private boolean expired() {
        return System.nanoTime() >= deadlineNanos;
    }
}
