package cn.zhibu.platform.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The SM4 key and the lookup-hash key. Taken from configuration ({@code ZHIBU_SM4_KEY}, {@code ZHIBU_LOOKUP_KEY});
 * otherwise read from the key file, which is created with fresh random keys on first start. The pseudonym key is
 * derived from the lookup key (HMAC-SM3 with its own label), so it is as secret as that key, is never stored, and
 * needs no configuration or backup of its own, while a value made with it is unrelated to any lookup hash.
 */
@Component
class KeyMaterial {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

    private final byte[] sm4Key;
    private final byte[] lookupKey;

    KeyMaterial(@Value("${zhibu.crypto.sm4-key:}") String sm4Hex,
                @Value("${zhibu.crypto.lookup-key:}") String lookupHex,
                @Value("${zhibu.crypto.key-file:./data/zhibu.keys}") String keyFile) {
        if (!sm4Hex.isBlank() && !lookupHex.isBlank()) {
            sm4Key = decode(sm4Hex, 16, "zhibu.crypto.sm4-key");
            lookupKey = decode(lookupHex, 32, "zhibu.crypto.lookup-key");
            return;
        }
        Properties props = loadOrCreate(Path.of(keyFile).toAbsolutePath().normalize());
        sm4Key = decode(props.getProperty("sm4-key"), 16, keyFile);
        lookupKey = decode(props.getProperty("lookup-key"), 32, keyFile);
    }

    byte[] sm4Key() {
        return sm4Key.clone();
    }

    byte[] lookupKey() {
        return lookupKey.clone();
    }

    /** The key of {@link HmacPseudonyms}: HMAC-SM3 of a fixed label under the lookup key (domain separation). */
    byte[] pseudonymKey() {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(lookupKey));
        byte[] label = "zhibu/pseudonym-key/v1".getBytes(StandardCharsets.UTF_8);
        mac.update(label, 0, label.length);
        byte[] key = new byte[mac.getMacSize()];
        mac.doFinal(key, 0);
        return key;
    }

    private static Properties loadOrCreate(Path file) {
        Properties props = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    props.load(in);
                }
                return props;
            }
            SecureRandom random = new SecureRandom();
            byte[] sm4 = new byte[16];
            byte[] lookup = new byte[32];
            random.nextBytes(sm4);
            random.nextBytes(lookup);
            props.setProperty("sm4-key", Hex.toHexString(sm4));
            props.setProperty("lookup-key", Hex.toHexString(lookup));
            Files.createDirectories(file.getParent());
            try (var out = Files.newOutputStream(file)) {
                props.store(out, "Zhibu field encryption keys - keep secret, back up with the database");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("未配置 SM4 密钥：已生成新密钥并保存到 {}（请妥善备份；生产环境请用 ZHIBU_SM4_KEY / ZHIBU_LOOKUP_KEY 配置）", file);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key file " + file, e);
        }
    }

    private static byte[] decode(String hex, int bytes, String source) {
        byte[] key = hex == null ? new byte[0] : Hex.decode(hex.trim());
        if (key.length != bytes) {
            throw new IllegalStateException(source + " must hold a " + bytes * 8 + "-bit key in hex");
        }
        return key;
    }
}
