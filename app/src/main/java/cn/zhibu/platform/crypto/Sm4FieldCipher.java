package cn.zhibu.platform.crypto;

import cn.zhibu.platform.FieldCipher;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * SM4 in GCM mode (authenticated, random 12-byte nonce stored in front of the cipher text) and HMAC-SM3 for
 * lookups. Uses Bouncy Castle's lightweight API so no JCE provider registration is needed. Each thread keeps its
 * keyed GCM and HMAC instances: re-keying (GHASH tables) costs far more than the encryption of a short value, and
 * bulk loads encrypt millions of them.
 */
@Component
class Sm4FieldCipher implements FieldCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] sm4Key;
    private final byte[] lookupKey;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<GCMModeCipher> encryptors;
    private final ThreadLocal<GCMModeCipher> decryptors;
    private final ThreadLocal<HMac> macs;

    Sm4FieldCipher(KeyMaterial keys) {
        this.sm4Key = keys.sm4Key();
        this.lookupKey = keys.lookupKey();
        this.encryptors = ThreadLocal.withInitial(() -> keyedGcm(true));
        this.decryptors = ThreadLocal.withInitial(() -> keyedGcm(false));
        this.macs = ThreadLocal.withInitial(() -> {
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(lookupKey));
            return mac;
        });
    }

    /** A GCM instance keyed once; later inits pass a null key with a new nonce, which keeps the key schedule. */
    private GCMModeCipher keyedGcm(boolean forEncryption) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        gcm.init(forEncryption, new AEADParameters(new KeyParameter(sm4Key), TAG_BITS, nonce));
        return gcm;
    }

    @Override
    public byte[] encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = encryptors.get();
        gcm.init(true, new AEADParameters(null, TAG_BITS, nonce));
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(input.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(input, 0, input.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (Exception e) {
            throw new IllegalStateException("SM4 encryption failed", e);
        }
        return out;
    }

    @Override
    public String decrypt(byte[] cipher) {
        if (cipher == null) {
            return null;
        }
        byte[] nonce = Arrays.copyOfRange(cipher, 0, NONCE_BYTES);
        GCMModeCipher gcm = decryptors.get();
        gcm.init(false, new AEADParameters(null, TAG_BITS, nonce));
        byte[] out = new byte[gcm.getOutputSize(cipher.length - NONCE_BYTES)];
        int n = gcm.processBytes(cipher, NONCE_BYTES, cipher.length - NONCE_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (Exception e) {
            throw new IllegalStateException("SM4 decryption failed: wrong key or tampered value", e);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] lookupHash(String plain) {
        if (plain == null) {
            return null;
        }
        HMac mac = macs.get();
        byte[] input = plain.trim().toUpperCase().getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
