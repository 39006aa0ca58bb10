package cn.zhibu.platform;

/** How sensitive values are shown to those who may not see them in full. */
public final class Masking {

    private Masking() {
    }

    /** {@code 110101199001011234} → {@code 1101**********1234}. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
