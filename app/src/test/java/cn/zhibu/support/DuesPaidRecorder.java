package cn.zhibu.support;

import cn.zhibu.dues.DuesPaid;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every {@link DuesPaid} the ledger published in this test JVM, to check that each posting announces itself. */
@Component
public class DuesPaidRecorder {

    private final List<DuesPaid> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(DuesPaid paid) {
        received.add(paid);
    }

    public List<DuesPaid> received() {
        return List.copyOf(received);
    }
}
