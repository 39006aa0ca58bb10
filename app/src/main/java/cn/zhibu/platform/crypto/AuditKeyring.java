package cn.zhibu.platform.crypto;

import cn.zhibu.platform.Sm3;
import org.bouncycastle.util.encoders.Hex;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The keys of the audit log's HMAC-SM3 chain, by version. New entries and checkpoints use the highest version; each
 * entry records its version, so entries made under an older key stay verifiable after a rotation (add a key with a
 * higher version, keep the old ones). From {@code zhibu.audit.keys} ({@code ZHIBU_AUDIT_KEYS}, "1:hex,2:hex") or
 * else the key file's {@code audit-key.N} entries, where version 1 is created when there is none.
 */
public final class AuditKeyring {

    static final int KEY_BYTES = 32;

    private final SortedMap<Integer, byte[]> keys;

    private AuditKeyring(SortedMap<Integer, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no audit key");
        }
        if (keys.firstKey() < 1) {
            throw new IllegalStateException("audit key versions start at 1 (0 marks entries from before keyed chains)");
        }
        this.keys = Collections.unmodifiableSortedMap(keys);
    }

    /** The keys as configured, or else from the key file (adding version 1 to it when it has none). */
    public static AuditKeyring load(String configured, Path keyFile) {
        return load(configured, keyFile, true).orElseThrow();
    }

    /** The keys as configured or in the key file, if there are any; creates none. */
    public static Optional<AuditKeyring> existing(String configured, Path keyFile) {
        return load(configured, keyFile, false);
    }

    private static Optional<AuditKeyring> load(String configured, Path keyFile, boolean create) {
        SortedMap<Integer, byte[]> keys = new TreeMap<>();
        if (configured != null && !configured.isBlank()) {
            for (String part : configured.split(",")) {
                String[] versionAndKey = part.trim().split(":", 2);
                if (versionAndKey.length != 2) {
                    throw new IllegalStateException("zhibu.audit.keys must read version:hex[,version:hex…]");
                }
                keys.put(Integer.parseInt(versionAndKey[0].trim()), decode(versionAndKey[1], "zhibu.audit.keys"));
            }
            return Optional.of(new AuditKeyring(keys));
        }
        KeyFile file = KeyFile.read(keyFile);
        SortedMap<Integer, String> stored = file.versions("audit-key");
        if (stored.isEmpty() && !create) {
            return Optional.empty();
        }
        if (stored.isEmpty()) {
            KeyMaterial.announceNewKey(file, "审计日志 HMAC-SM3 密钥");
            stored.put(1, file.generate("audit-key.1", KEY_BYTES));
        }
        stored.forEach((version, hex) -> keys.put(version, decode(hex, keyFile.toString())));
        return Optional.of(new AuditKeyring(keys));
    }

    /** The version new entries are keyed with. */
    public int current() {
        return keys.lastKey();
    }

    public boolean has(int version) {
        return keys.containsKey(version);
    }

    /** HMAC-SM3 of the text under the key of that version, in hex. */
    public String mac(int version, String text) {
        byte[] key = keys.get(version);
        if (key == null) {
            throw new IllegalArgumentException("no audit key of version " + version);
        }
        return Sm3.hmacHex(key, text);
    }

    private static byte[] decode(String hex, String source) {
        byte[] key = Hex.decode(hex.trim());
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + ": an audit key must be " + KEY_BYTES * 8 + " bits in hex");
        }
        return key;
    }
}
