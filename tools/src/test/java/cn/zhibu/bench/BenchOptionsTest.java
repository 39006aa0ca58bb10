package cn.zhibu.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void a_full_run_warms_every_read_twice_before_timing_it_and_a_quick_one_does_not() {
        assertThat(BenchOptions.parse(new String[0]).warmupPasses()).isEqualTo(2);
        assertThat(BenchOptions.parse(new String[]{"--quick"}).warmupPasses()).isZero();
        assertThat(BenchOptions.parse(new String[]{"--quick", "--warmup-passes", "3"}).warmupPasses()).isEqualTo(3);
        assertThat(BenchOptions.parse(new String[]{"--warmup-passes=0"}).warmupPasses()).isZero();
    }

    @Test
    void the_mixed_load_draws_on_fifty_requests_of_each_read_unless_told_otherwise() {
        assertThat(BenchOptions.parse(new String[0]).mixedUris()).isEqualTo(50);
        assertThat(BenchOptions.parse(new String[0]).samples()).isEqualTo(200);
        assertThat(BenchOptions.parse(new String[]{"--mixed-uris", "200"}).mixedUris()).isEqualTo(200);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--mixed-uris", "0"}))
                .hasMessage("--mixed-uris must be at least 1");
    }

    @Test
    void a_warm_up_pass_count_that_is_negative_or_not_a_number_is_refused_by_name() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--warmup-passes", "-1"}))
                .hasMessage("--warmup-passes must not be negative");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--warmup-passes", "1.5"}))
                .hasMessage("--warmup-passes expects a whole number, not 1.5");
    }

    @Test
    void the_load_generator_uses_the_pooled_blocking_client_unless_the_jdk_one_is_named() {
        assertThat(BenchOptions.parse(new String[0]).client()).isEqualTo(BenchOptions.Client.POOLED);
        assertThat(BenchOptions.parse(new String[]{"--client", "jdk"}).client()).isEqualTo(BenchOptions.Client.JDK);
        assertThat(BenchOptions.parse(new String[]{"--client=pooled"}).client()).isEqualTo(BenchOptions.Client.POOLED);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--client", "okhttp"}))
                .hasMessage("--client expects pooled or jdk, not okhttp");
    }
}
