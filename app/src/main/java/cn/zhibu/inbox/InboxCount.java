package cn.zhibu.inbox;

/**
 * What the navigation's badge shows: how many items the caller must act on, up to {@code cap}.
 *
 * @param capped there are at least {@code mine} (shown as "99+")
 */
public record InboxCount(long mine, boolean capped) {

    public String label() {
        return capped ? (mine - 1) + "+" : Long.toString(mine);
    }
}
