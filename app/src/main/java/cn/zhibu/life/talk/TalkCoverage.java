package cn.zhibu.life.talk;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A branch's 谈心谈话 of one year against B11: for each pairing whether it applies to the branch and is covered, and for
 * each member whether they had a talk. A pairing applies only where it can: 支委之间 needs two members seated on the
 * committee, 支委和党员之间 one seated and one not, 党员之间 two not seated — so a branch without a committee has only
 * 党员之间 to cover.
 *
 * @param committee whether the branch has a current committee with members seated
 */
public record TalkCoverage(long orgId, String orgName, int year, boolean committee, int talks,
                           List<PairingCoverage> pairings, List<MemberCoverage> members) {

    public TalkCoverage {
        pairings = List.copyOf(pairings);
        members = List.copyOf(members);
    }

    /** All the pairings that apply are covered. */
    public boolean complete() {
        return pairings.stream().allMatch(p -> !p.applies() || p.covered());
    }

    public List<PairingCoverage> missing() {
        return pairings.stream().filter(p -> p.applies() && !p.covered()).toList();
    }

    /** The pairings still to cover, named in a sentence: "支委之间、党员之间". */
    public String missingLabel() {
        return missing().stream().map(PairingCoverage::label).collect(Collectors.joining("、"));
    }

    public long membersWithoutTalk() {
        return members.stream().filter(m -> m.talks() == 0).count();
    }

    /** One pairing: {@code talks} held in the year, {@code note} why it does not apply. */
    public record PairingCoverage(Pairing pairing, boolean applies, int talks, String note) {

        public boolean covered() {
            return talks > 0;
        }

        public String label() {
            return pairing.label();
        }
    }

    /** One member of the branch: seated on the committee, their talks in the year, and with whom by pairing. */
    public record MemberCoverage(long memberId, String name, boolean committee, int talks, LocalDate lastTalkOn,
                                 Set<Pairing> pairings) {
    }
}
