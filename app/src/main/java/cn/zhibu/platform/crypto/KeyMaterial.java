package cn.zhibu.platform.crypto;

import cn.zhibu.platform.DataDirectory;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * The SM4 key, the lookup-hash key and the audit keys. Each is taken from configuration ({@code ZHIBU_SM4_KEY},
 * {@code ZHIBU_LOOKUP_KEY}, {@code ZHIBU_AUDIT_KEYS}) when given, otherwise from the key file, which is created with
 * fresh random keys on first start. The pseudonym key is derived from the lookup key (HMAC-SM3 with its own label),
 * so it is as secret as that key, is never stored, and needs no configuration or backup of its own, while a value
 * made with it is unrelated to any lookup hash; so are the keys of {@link HmacSignatures}, one per purpose.
 */
@Component
class KeyMaterial {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

    private final byte[] sm4Key;
    private final byte[] lookupKey;
    private final AuditKeyring auditKeys;

    KeyMaterial(DataDirectory data,
                @Value("${zhibu.crypto.sm4-key:}") String sm4Hex,
                @Value("${zhibu.crypto.lookup-key:}") String lookupHex,
                @Value("${zhibu.audit.keys:}") String auditKeysSetting) {
        if (!sm4Hex.isBlank() && !lookupHex.isBlank()) {
            sm4Key = decode(sm4Hex, 16, "zhibu.crypto.sm4-key");
            lookupKey = decode(lookupHex, 32, "zhibu.crypto.lookup-key");
        } else {
            KeyFile file = KeyFile.read(data.keyFile());
            if (!file.exists()) {
                announceNewKey(file, "SM4 字段加密密钥和查找哈希密钥");
                file.generate("sm4-key", 16);
                file.generate("lookup-key", 32);
            }
            // keys of an existing file are never generated: data encrypted with the lost ones would be unreadable
            sm4Key = decode(file.get("sm4-key"), 16, file.path().toString());
            lookupKey = decode(file.get("lookup-key"), 32, file.path().toString());
        }
        auditKeys = AuditKeyring.load(auditKeysSetting, data.keyFile());
    }

    byte[] sm4Key() {
        return sm4Key.clone();
    }

    byte[] lookupKey() {
        return lookupKey.clone();
    }

    /** The key of {@link HmacPseudonyms}: HMAC-SM3 of a fixed label under the lookup key (domain separation). */
    byte[] pseudonymKey() {
        return derivedKey("zhibu/pseudonym-key/v1");
    }

    /**
     * A key for one use, HMAC-SM3 of its label under the lookup key: as secret as that key, never stored, and unrelated
     * to any other label's key or to a lookup hash. Changing a label (its version suffix) changes the key.
     */
    byte[] derivedKey(String label) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(lookupKey));
        byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
        mac.update(bytes, 0, bytes.length);
        byte[] key = new byte[mac.getMacSize()];
        mac.doFinal(key, 0);
        return key;
    }

    AuditKeyring auditKeys() {
        return auditKeys;
    }

    static void announceNewKey(KeyFile file, String what) {
        log.warn("已生成新的{}并保存到 {}（请与数据库一起备份：java -jar zhibu.jar backup；生产环境也可用环境变量配置）",
                what, file.path());
    }

    private static byte[] decode(String hex, int bytes, String source) {
        byte[] key = hex == null ? new byte[0] : Hex.decode(hex.trim());
        if (key.length != bytes) {
            throw new IllegalStateException(source + " must hold a " + bytes * 8 + "-bit key in hex");
        }
        return key;
    }
}
