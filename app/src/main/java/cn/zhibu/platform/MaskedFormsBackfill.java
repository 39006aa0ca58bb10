package cn.zhibu.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Fills the masked 身份证号 and phone ({@link MaskedForms}) of the rows written before V48 — registry, archive and
 * 发展党员 cases — in the background after start-up, so that start-up stays short on 5 M members (5.5 M registry rows
 * took about 11 minutes): batches of {@link #BATCH} rows by id, each in its own transaction, resumable. Readers mask
 * a row not yet filled themselves, so nothing waits for the pass. Only the served app runs it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MaskedFormsBackfill {

    /**
     * Measured on the 5 M database: updating 10,000 registry rows takes 2.5 s (no HOT update: every one of the
     * table's indexes gets a new entry), so a batch of 2,000 holds its row locks about half a second, which is as long
     * as an edit of one of those rows can be made to wait. SM4 costs 1–2 µs a value, nothing beside that.
     */
    static final int BATCH = 2_000;

    private final Backfills backfills;
    private final MaskedForms masked;
    private final Duration interval;

    MaskedFormsBackfill(Backfills backfills, MaskedForms masked,
                        @Value("${zhibu.backfill.interval-ms:2000}") long intervalMs) {
        this.backfills = backfills;
        this.masked = masked;
        this.interval = Duration.ofMillis(intervalMs);
    }

    @Bean
    RecurringTask<Void> memberMaskedBackfillTask() {
        return task("member-masked", "member");
    }

    @Bean
    RecurringTask<Void> memberArchiveMaskedBackfillTask() {
        return task("member-archive-masked", "member_archive");
    }

    @Bean
    RecurringTask<Void> admissionCaseMaskedBackfillTask() {
        return task("admission-case-masked", "admission_case");
    }

    /** The pass's name is V48's row in backfill_progress. */
    private RecurringTask<Void> task(String name, String table) {
        return backfills.task(name, interval, BATCH, masked.backfill(table));
    }
}
