package cn.zhibu.platform;

/**
 * A value that stands for a person within one context (one 公示, one poll …) so that "one per person" can be kept
 * and a person can find their own entries, while nothing stored links the value to the person: it is HMAC-SM3 with
 * a key that is never in the database, so the database alone cannot turn it back into the person.
 */
public interface Pseudonyms {

    /** The same person in the same context always gets the same value; anything else a different one. */
    byte[] of(String context, long contextId, long personId);
}
