package cn.zhibu.life.talk;

import java.util.Collection;
import java.util.stream.Collectors;

/** Pairings named in a sentence: "支委之间、党员之间". */
public final class PairingLabels {

    private PairingLabels() {
    }

    public static String of(Collection<TalkCoverage.PairingCoverage> pairings) {
        return pairings.stream().map(TalkCoverage.PairingCoverage::label).collect(Collectors.joining("、"));
    }
}
