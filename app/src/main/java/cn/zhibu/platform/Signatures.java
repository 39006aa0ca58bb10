package cn.zhibu.platform;

/**
 * Short keyed signatures of values the platform hands out and later takes back unchanged (the rotating code of a
 * meeting's check-in QR): HMAC-SM3 under a key derived for each purpose from the platform's key material. No key is a
 * constant in the code or stored in the database; a signature made for one purpose is worthless for another; and
 * every node of a cluster configured with the same keys signs and checks alike.
 */
public interface Signatures {

    /** The shortest signature {@link #sign} makes: 64 bits. */
    int MIN_BYTES = 8;
    /** The longest: the whole HMAC-SM3. */
    int MAX_BYTES = 32;

    /**
     * The signature of the message for the purpose, its first {@code bytes} bytes, in base64url without padding.
     *
     * @param purpose lower-case letters, digits and '-', e.g. {@code life-checkin}
     */
    String sign(String purpose, String message, int bytes);

    /** Whether the signature is the message's for the purpose, compared in constant time; false for any malformed one. */
    boolean verify(String purpose, String message, String signature);
}
