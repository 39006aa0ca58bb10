package cn.zhibu.generator;

/**
 * Mobile numbers 1[3-9]x-xxxx-xxxx that never repeat without remembering any: the last eight digits are a keyed
 * pseudo-random permutation (a four-round Feistel network over two 4-digit halves) of the member id, so distinct
 * ids below 10⁸ get distinct numbers whatever thread makes them.
 */
final class PhoneNumbers {

    static final long MAX_IDS = 100_000_000L;

    private static final String[] PREFIXES = {"139", "138", "137", "136", "135", "134", "150", "151", "152", "157",
            "158", "159", "182", "183", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133", "153",
            "180", "181", "189", "177", "173", "199", "191", "166", "198"};
    private static final int HALF = 10_000;
    private static final int ROUNDS = 4;

    private final int key;

    PhoneNumbers(long seed) {
        this.key = Long.hashCode(seed * 0x9E3779B97F4A7C15L);
    }

    String of(long memberId) {
        if (memberId < 0 || memberId >= MAX_IDS) {
            throw new IllegalArgumentException("member id out of range for unique phones: " + memberId);
        }
        int left = (int) (memberId / HALF);
        int right = (int) (memberId % HALF);
        for (int round = 0; round < ROUNDS; round++) {
            int next = Math.floorMod(left + mix(right, round), HALF);
            left = right;
            right = next;
        }
        String prefix = PREFIXES[Math.floorMod(mix((int) memberId, ROUNDS), PREFIXES.length)];
        char[] phone = new char[11];
        prefix.getChars(0, 3, phone, 0);
        int suffix = left * HALF + right;
        for (int i = 10; i >= 3; i--) {
            phone[i] = (char) ('0' + suffix % 10);
            suffix /= 10;
        }
        return new String(phone);
    }

    private int mix(int value, int round) {
        int h = value * 0x9E3779B1 + round * 0x85EBCA6B + key;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return h;
    }
}
