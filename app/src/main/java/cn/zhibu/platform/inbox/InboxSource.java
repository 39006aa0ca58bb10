package cn.zhibu.platform.inbox;

import java.util.List;

/**
 * One module's contribution to the inbox: the items due for the caller. Implement it as a Spring bean; see the
 * package documentation for the rules a source follows (scope, bound, most urgent first).
 */
public interface InboxSource {

    /** The items for {@code query}, most urgent first, at most {@link InboxQuery#limit()}. */
    List<InboxItem> items(InboxQuery query);
}
