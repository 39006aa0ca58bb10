package cn.zhibu.life;

import java.util.List;

/**
 * One page of meetings, the most recent first.
 *
 * @param totalExact false when there are more than the count reads ({@code total} is then a lower bound)
 */
public record MeetingPage(List<Meeting> items, long total, boolean totalExact, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
