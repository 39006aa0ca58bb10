package cn.zhibu.admission;

import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.input.NameText;
import jakarta.validation.Valid;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A 支部大会 vote on one candidate (D9), for 接收 and for 转正 alike. The request gives what happened in the room:
 * present, yes/no/abstain, written opinions, and the voting members left out of the expected count with their
 * grounds and the approval (D9's five categories). The roll — the 正式党员 with voting rights on the meeting date —
 * is never taken from the request: the server reads it from the registry ({@link #onRoll}) and keeps it with the vote,
 * so the minutes name every voter; {@code registryVoters} is its size.
 *
 * @param registryVoters the size of the roll; set by the server, refused in a request
 * @param roll           the voting 正式党员 of the branch on the meeting date (null in votes recorded before it was kept)
 * @param excluded       voting members on the roll left out of the expected count, each with its ground
 */
public record BranchVote(Integer registryVoters, List<Voter> roll, @Valid List<Exclusion> excluded,
                         @NameText("批准不计入的上级党组织") String exclusionApprovedBy, int present, int yes, int no, int abstain, int writtenYes,
                         int writtenNo) {

    /** A voting 正式党员 on the roll. */
    public record Voter(long memberId, String name) {
    }

    /**
     * D9: a voting member left out of the expected count, and why. The request names the member by id (one of the
     * roll); the name is the roll's.
     */
    public record Exclusion(Long memberId, @NameText("不计入应到人数的党员姓名") String name, ExclusionGround ground) {

        public static Exclusion of(long memberId, ExclusionGround ground) {
            return new Exclusion(memberId, null, ground);
        }
    }

    public BranchVote {
        roll = roll == null ? null : List.copyOf(roll);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    /** The counts of the room, as a request gives them: no roll, no exclusions. */
    public static BranchVote of(int present, int yes, int no, int abstain, int writtenYes, int writtenNo) {
        return new BranchVote(null, null, List.of(), null, present, yes, no, abstain, writtenYes, writtenNo);
    }

    public BranchVote withExclusions(List<Exclusion> exclusions, String approvedBy) {
        return new BranchVote(registryVoters, roll, exclusions, approvedBy, present, yes, no, abstain, writtenYes,
                writtenNo);
    }

    /** The vote on the roll the server read for the meeting date; exclusions take their names from it. */
    public BranchVote onRoll(List<Voter> voters) {
        Map<Long, String> names = voters.stream().collect(Collectors.toMap(Voter::memberId, Voter::name, (a, b) -> a));
        List<Exclusion> named = excluded.stream().map(e -> new Exclusion(e.memberId(),
                e.memberId() == null ? null : names.get(e.memberId()), e.ground())).toList();
        return new BranchVote(voters.size(), voters, named, exclusionApprovedBy, present, yes, no, abstain,
                writtenYes, writtenNo);
    }

    /** Whether the request tried to give the roll itself, which only the server may. */
    public boolean rollGiven() {
        return registryVoters != null || roll != null;
    }

    /** 应到: voting 正式党员 on the roll, less the approved exclusions. */
    public int expected() {
        return (registryVoters == null ? 0 : registryVoters) - excluded.size();
    }

    /** D9 quorum: more than half of those expected are in the room ({@code 2 × present > expected}). */
    public boolean quorate() {
        return 2 * present > expected();
    }

    /** D9 pass: yes in the room plus written yes, more than half of those expected. */
    public boolean passed() {
        return quorate() && 2 * (yes + writtenYes) > expected();
    }

    /** Yes votes needed to pass: the smallest y with 2y > expected. */
    public int yesNeeded() {
        return expected() / 2 + 1;
    }

    /** The counts must add up; a vote that cannot have happened is refused. */
    public FieldErrors check(FieldErrors errors) {
        if (registryVoters == null || registryVoters < 1) {
            errors.reject("vote.registryVoters", "会议当日本支部（含党小组）没有有表决权的正式党员，不能表决（D9）");
        }
        if (!excluded.isEmpty()) {
            if (exclusionApprovedBy == null || exclusionApprovedBy.isBlank()) {
                errors.reject("vote.exclusionApprovedBy",
                        "不计入应到会人数须经上级党组织同意并由党员大会通过，请填写批准情况（D9）");
            }
            checkExclusions(errors);
        }
        if (registryVoters != null && expected() < 1) {
            errors.reject("vote.excluded", "除去不计入的人数后，应到会有表决权的党员不能少于1人");
        }
        if (present < 0 || yes < 0 || no < 0 || abstain < 0 || writtenYes < 0 || writtenNo < 0) {
            errors.reject("vote.present", "人数和票数不能为负数");
        } else {
            if (present > expected()) {
                errors.reject("vote.present", "实到有表决权的党员（" + present + "人）不能多于应到（" + expected() + "人）");
            }
            if (yes + no + abstain > present) {
                errors.reject("vote.yes", "赞成、反对、弃权合计（" + (yes + no + abstain) + "票）不能多于实到人数（" + present + "人）");
            }
            if (writtenYes + writtenNo > expected() - present) {
                errors.reject("vote.writtenYes", "书面意见只能来自未到会的有表决权党员（最多" + Math.max(0, expected() - present) + "份）");
            }
        }
        return errors;
    }

    /** Each exclusion is a different voting member of the roll, with one of D9's grounds. */
    private void checkExclusions(FieldErrors errors) {
        Set<Long> onRoll = roll == null ? Set.of() : roll.stream().map(Voter::memberId).collect(Collectors.toSet());
        Set<Long> seen = new HashSet<>();
        for (Exclusion e : excluded) {
            if (e.ground() == null) {
                errors.reject("vote.excluded", "不计入应到会人数的党员须注明情形（D9 所列五种情形之一）");
            } else if (e.memberId() == null || !onRoll.contains(e.memberId())) {
                errors.reject("vote.excluded", "不计入应到会人数的只能是会议当日名册上有表决权的正式党员");
            } else if (!seen.add(e.memberId())) {
                errors.reject("vote.excluded", e.name() + "重复列入不计入应到会人数的名单");
            }
        }
    }
}
