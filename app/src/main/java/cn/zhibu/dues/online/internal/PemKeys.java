package cn.zhibu.dues.online.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys in the PEM files the merchant platform hands out: the merchant's {@code apiclient_key.pem} (PKCS#8
 * "PRIVATE KEY") and the 微信支付公钥 {@code pub_key.pem} ("PUBLIC KEY", X.509 SubjectPublicKeyInfo).
 */
public final class PemKeys {

    private PemKeys() {
    }

    public static PrivateKey privateKey(Path pem) {
        return privateKey(read(pem));
    }

    public static PublicKey publicKey(Path pem) {
        return publicKey(read(pem));
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("商户私钥不是 PKCS#8 格式的 RSA 私钥");
        }
    }

    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("微信支付公钥不是 RSA 公钥");
        }
    }

    public static String pem(Key key) {
        String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("PEM 文件中没有 " + type);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static String read(Path pem) {
        try {
            return Files.readString(pem);
        } catch (IOException e) {
            // the path only, never the content
            throw new UncheckedIOException("无法读取密钥文件 " + pem, e);
        }
    }
}
