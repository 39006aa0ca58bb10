package cn.zhibu.bench;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * One writer of the write workload, until the deadline: create a member in one branch, change the job title,
 * change the status (full → probationary), move the member to the other branch; then the same the other way
 * round. Every call is one member change; each is timed and counted.
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
            MemberDraft draft = drafts.draft(branches.writer(), sequence, from.id());
            ApiResponse response = api.post("/api/v1/members", draft.form());
            stats.record(response);
            if (response.ok()) {
                JsonNode member = response.json();
                created.add(member.path("id").asLong());
                String title = "支部委员" + sequence;
                changeUntilFailure(member.path("id").asLong(), member.path("version").asInt(), draft,
                        List.of(d -> d.withJobTitle(title), MemberDraft::probationary, d -> d.inOrg(to.id())));
            }
        }
        return created;
    }

    private void changeUntilFailure(long id, int version, MemberDraft draft, List<UnaryOperator<MemberDraft>> changes) {
        for (UnaryOperator<MemberDraft> change : changes) {
            if (expired()) {
                return;
            }
            draft = change.apply(draft);
            ApiResponse response = api.put("/api/v1/members/" + id, Map.of("version", version, "member", draft.form()));
            stats.record(response);
            if (!response.ok()) {
                return;
            }
            version = response.json().path("version").asInt();
        }
    }

    private boolean expired() {
        return System.nanoTime() >= deadlineNanos;
    }
}
