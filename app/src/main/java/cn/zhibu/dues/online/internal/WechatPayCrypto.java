package cn.zhibu.dues.online.internal;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;

/**
 * The primitives of WeChat Pay API v3, used both ways (the client signs requests and verifies answers and
 * notifications; the local fake does the reverse): SHA256withRSA over the protocol's newline-terminated message,
 * and AEAD_AES_256_GCM with the APIv3 key (32 ASCII bytes), the resource's nonce (12 ASCII bytes) and its
 * associated_data, the ciphertext carrying the 16-byte tag at its end, base64-encoded.
 */
public final class WechatPayCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NONCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int TAG_BITS = 128;

    private WechatPayCrypto() {
    }

    /** {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}: what a request's signature covers (URL = path and query). */
    public static String requestMessage(String method, String pathAndQuery, long timestamp, String nonce, String body) {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
    }

    /** {@code TIMESTAMP\nNONCE\nBODY\n}: what an answer's or a notification's signature covers. */
    public static String responseMessage(String timestamp, String nonce, String body) {
        return timestamp + "\n" + nonce + "\n" + body + "\n";
    }

    public static String sign(String message, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("签名失败：" + e.getClass().getSimpleName(), e);
        }
    }

    /** False for a wrong signature and for one that is not even base64 (never throws on hostile input). */
    public static boolean verify(String message, String signature, PublicKey key) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        try {
            byte[] raw = Base64.getDecoder().decode(signature);
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(raw);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** A random nonce of upper-case letters and digits, as the provider's are. */
    public static String nonce(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(NONCE_CHARS.charAt(RANDOM.nextInt(NONCE_CHARS.length())));
        }
        return sb.toString();
    }

    public static String encrypt(byte[] apiV3Key, String nonce, String associatedData, String plaintext) {
        try {
            Cipher c = gcm(Cipher.ENCRYPT_MODE, apiV3Key, nonce, associatedData);
            return Base64.getEncoder().encodeToString(c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("加密失败：" + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The plaintext of a notification's resource.
     *
     * @throws TamperedResourceException when the tag does not match (tampered, or another key) or the input is malformed
     */
    public static String decrypt(byte[] apiV3Key, String nonce, String associatedData, String ciphertext) {
        try {
            Cipher c = gcm(Cipher.DECRYPT_MODE, apiV3Key, nonce, associatedData);
            return new String(c.doFinal(Base64.getDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TamperedResourceException("通知密文校验失败");
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new TamperedResourceException("通知密文格式不正确");
        }
    }

    private static Cipher gcm(int mode, byte[] key, String nonce, String associatedData) throws GeneralSecurityException {
        if (key.length != 32 || nonce == null || nonce.isEmpty()) {
            throw new java.security.InvalidKeyException("APIv3 密钥应为32字节，nonce 不可为空");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
        if (associatedData != null) {
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        }
        return c;
    }

    /** A resource that does not decrypt under the APIv3 key: refused, nothing is posted. */
    public static final class TamperedResourceException extends RuntimeException {
        public TamperedResourceException(String message) {
            super(message);
        }
    }
}
