package cn.zhibu.generator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProvincePlannerTest {

    /**
     * Two counties with one region code draw the same 身份证号 (the chunks' blocks keep apart only the chunks of one
     * county): at 20 M members some city has more than 19 districts, whose codes ran into the counties' from 21, and
     * the unique index on the number refused the data set.
     */
    @Test
    void every_county_of_a_20_million_member_province_has_its_own_region_code() {
        ProvincePlan plan = ProvincePlanner.plan(20_000_000, 20261123L, LocalDate.of(2026, 11, 23));
        Map<Integer, String> regionOfCounty = new HashMap<>();
        Set<String> regionAndBlock = new HashSet<>();
        for (MemberChunk chunk : plan.chunks()) {
            regionOfCounty.put(chunk.county().index, chunk.region());
            assertThat(regionAndBlock.add(chunk.region() + "|" + chunk.block()))
                    .as("region %s block %d given to two chunks", chunk.region(), chunk.block()).isTrue();
        }
        assertThat(new HashSet<>(regionOfCounty.values())).hasSize(regionOfCounty.size());
    }
}
