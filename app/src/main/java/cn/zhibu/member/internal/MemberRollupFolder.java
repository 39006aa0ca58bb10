package cn.zhibu.member.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds pending roll-up changes into member_rollup about every second, so the pending table stays small and reads of
 * both tables sum a few rows. Correctness does not depend on it: readers see pending changes either way.
 * Only the served app folds; the generator loads member_rollup directly.
 */
@Component
@ConditionalOnWebApplication
class MemberRollupFolder {

    private static final Logger log = LoggerFactory.getLogger(MemberRollupFolder.class);

    private final MemberRollup rollup;

    MemberRollupFolder(MemberRollup rollup) {
        this.rollup = rollup;
    }

    @Scheduled(fixedDelayString = "${zhibu.rollup.fold-interval-ms:1000}", initialDelayString = "${zhibu.rollup.fold-interval-ms:1000}")
    void fold() {
        try {
            rollup.fold();
        } catch (RuntimeException e) {
            // the changes stay pending and are still counted; the next run tries again
            log.warn("汇总表合并失败，将在下次重试：{}", e.getMessage());
        }
    }
}
