package cn.zhibu.platform.crypto;

import cn.zhibu.platform.Signatures;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** HMAC-SM3 under a key derived per purpose from the lookup key ({@link KeyMaterial#derivedKey}), never stored. */
@Component
class HmacSignatures implements Signatures {

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyMaterial keys;
    private final Map<String, byte[]> keysByPurpose = new ConcurrentHashMap<>();

    HmacSignatures(KeyMaterial keys) {
        this.keys = keys;
    }

    @Override
    public String sign(String purpose, String message, int bytes) {
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("a signature has " + MIN_BYTES + " to " + MAX_BYTES + " bytes");
        }
        return ENCODER.encodeToString(Arrays.copyOf(mac(purpose, message), bytes));
    }

    @Override
    public boolean verify(String purpose, String message, String signature) {
        if (signature == null || signature.length() > 2 * MAX_BYTES) {
            return false;
        }
        byte[] given;
        try {
            given = DECODER.decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (given.length < MIN_BYTES || given.length > MAX_BYTES || !ENCODER.encodeToString(given).equals(signature)) {
            return false; // one spelling per signature: no padding, no trailing bits
        }
        return MessageDigest.isEqual(given, Arrays.copyOf(mac(purpose, message), given.length));
    }

    private byte[] mac(String purpose, String message) {
        byte[] key = keysByPurpose.computeIfAbsent(checked(purpose),
                p -> keys.derivedKey("zhibu/signature-key/" + p + "/v1"));
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] input = message.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static String checked(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a signature purpose is lower-case letters, digits and '-': " + purpose);
        }
        return purpose;
    }
}
