package cn.zhibu.admission;

import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.input.NameText;
import jakarta.validation.Valid;

import java.util.List;

/**
 * A 支部大会 vote on one candidate (D9), for 接收 and for 转正 alike. {@code registryVoters} is the number of 正式党员
 * with voting rights on the roll; {@code excluded} those left out of the expected count with the higher level's
 * approval (D9's five categories). Written opinions come from voting members who could not attend.
 */
public record BranchVote(int registryVoters, @Valid List<Exclusion> excluded,
                         @NameText("批准不计入的上级党组织") String exclusionApprovedBy, int present,
                         int yes, int no, int abstain, int writtenYes, int writtenNo) {

    /** D9: a voting member left out of the expected count, and why. */
    public record Exclusion(@NameText("不计入应到人数的党员姓名") String name, ExclusionGround ground) {
    }

    public BranchVote {
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    /** 应到: voting 正式党员 on the roll, less the approved exclusions. */
    public int expected() {
        return registryVoters - excluded.size();
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
        if (registryVoters < 1) {
            errors.reject("vote.registryVoters", "有表决权的正式党员人数至少为1");
        }
        if (!excluded.isEmpty()) {
            if (exclusionApprovedBy == null || exclusionApprovedBy.isBlank()) {
                errors.reject("vote.exclusionApprovedBy",
                        "不计入应到会人数须经上级党组织同意并由党员大会通过，请填写批准情况（D9）");
            }
            for (Exclusion e : excluded) {
                if (e.name() == null || e.name().isBlank() || e.ground() == null) {
                    errors.reject("vote.excluded", "不计入应到会人数的党员须填写姓名和情形");
                }
            }
        }
        if (expected() < 1) {
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
}
