package cn.zhibu.platform;

/**
 * Encryption of sensitive fields (身份证号, phone) at rest with SM4 (国密), plus a keyed SM3 hash so that an
 * exact value can still be looked up by index without decrypting every row.
 */
public interface FieldCipher {

    byte[] encrypt(String plain);

    String decrypt(byte[] cipher);

    /** Keyed hash (HMAC-SM3) of the normalized value, for exact-match lookup. */
    byte[] lookupHash(String plain);
}
