package cn.zhibu.platform.crypto;

import cn.zhibu.platform.DataDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sm4FieldCipherTest {

    private static final String AUDIT_KEY = "1:" + "ab".repeat(32);
    /** Every key is configured, so the key file of this (never created) directory is not touched. */
    private static final DataDirectory NO_FILES = new DataDirectory(new MockEnvironment()
            .withProperty("zhibu.data-dir", "/nonexistent/zhibu"));

    private final Sm4FieldCipher cipher = new Sm4FieldCipher(new KeyMaterial(NO_FILES, "00112233445566778899aabbccddeeff",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", AUDIT_KEY));

    @Test
    void encrypts_with_a_fresh_nonce_and_decrypts_back() {
        byte[] a = cipher.encrypt("110101199003071237");
        byte[] b = cipher.encrypt("110101199003071237");
        assertThat(a).isNotEqualTo(b);
        assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("110101");
        assertThat(cipher.decrypt(a)).isEqualTo("110101199003071237");
        assertThat(cipher.decrypt(b)).isEqualTo("110101199003071237");
    }

    @Test
    void a_tampered_cipher_text_is_refused() {
        byte[] c = cipher.encrypt("13800138000");
        c[c.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(c)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lookup_hash_is_stable_case_insensitive_and_keyed() {
        assertThat(cipher.lookupHash("11010119900307123x")).isEqualTo(cipher.lookupHash("11010119900307123X"));
        Sm4FieldCipher other = new Sm4FieldCipher(new KeyMaterial(NO_FILES, "00112233445566778899aabbccddeeff",
                "1f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", AUDIT_KEY));
        assertThat(other.lookupHash("x")).isNotEqualTo(cipher.lookupHash("x"));
    }

    @Test
    void threads_share_nothing_but_the_keys() {
        var seen = new ConcurrentHashMap<String, String>();
        IntStream.range(0, 2000).parallel().forEach(i -> {
            String plain = "member-" + i;
            assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
            seen.put(plain, java.util.HexFormat.of().formatHex(cipher.lookupHash(plain)));
        });
        assertThat(seen.values()).doesNotHaveDuplicates();
    }
}
