package cn.zhibu.platform;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

import java.nio.charset.StandardCharsets;

/** SM3 (国密) digests and HMAC-SM3: audit chain links, token hashes, document fingerprints. */
public final class Sm3 {

    private Sm3() {
    }

    public static byte[] digest(byte[] input) {
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** The digest of the text's UTF-8 bytes, in lower-case hex. */
    public static String hex(String text) {
        return Hex.toHexString(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** HMAC-SM3 of the text's UTF-8 bytes under the key, in lower-case hex. */
    public static String hmacHex(byte[] key, String text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Hex.toHexString(out);
    }
}
