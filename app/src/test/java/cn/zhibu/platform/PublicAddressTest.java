package cn.zhibu.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Letters point at the configured public address; the local one only in the demo setup. */
class PublicAddressTest {

    private final MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "18080");

    @Test
    void the_configured_address_wins() {
        assertThat(new PublicAddress("https://dj.example.gov.cn/", false, environment).base())
                .isEqualTo("https://dj.example.gov.cn");
    }

    @Test
    void the_demo_setup_defaults_to_the_local_address() {
        assertThat(new PublicAddress("", true, environment).base()).isEqualTo("http://localhost:18080");
    }

    @Test
    void elsewhere_a_letter_cannot_be_made_until_it_is_set() {
        assertThatThrownBy(() -> new PublicAddress("", false, environment).base())
                .isInstanceOf(ServiceNotConfiguredException.class).hasMessageContaining("zhibu.public-url");
    }

    @Test
    void a_malformed_address_stops_the_start() {
        assertThatThrownBy(() -> new PublicAddress("javascript:alert(1)", false, environment))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
