package cn.zhibu.life.talk;

import java.util.List;

/** One page of the talks a caller may see, the latest first. */
public record TalkPage(List<Talk> items, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
