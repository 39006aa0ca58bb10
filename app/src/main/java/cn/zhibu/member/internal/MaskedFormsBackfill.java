package cn.zhibu.member.internal;

import cn.zhibu.platform.Backfills;
import cn.zhibu.platform.MaskedForms;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Fills the masked 身份证号 and phone of registry and archive rows written before V48, in the background after
 * start-up (so start-up stays short on 5 M members; 5.5 M rows take about 25 minutes): batches of {@link #BATCH} rows
 * by id, each in its own transaction, resumable. Readers decrypt a row not yet filled, so nothing waits for it. Only the served app runs it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MaskedFormsBackfill {

    static final String MEMBERS = "member-masked";
    static final String ARCHIVE = "member-archive-masked";
    /**
     * Measured on the 5 M database: updating 10,000 rows takes 2.5 s (no HOT update: every one of the table's nine
     * indexes gets a new entry), so a batch of 2,000 holds its row locks about half a second, which is as long as a
     * member edit on one of those rows can be made to wait. SM4 costs 1–2 µs a value, nothing beside that.
     */
    static final int BATCH = 2_000;

    @Bean
    RecurringTask<Void> memberMaskedBackfillTask(Backfills backfills, MaskedForms masked,
                                                 @Value("${zhibu.backfill.interval-ms:2000}") long intervalMs) {
        return backfills.task(MEMBERS, Duration.ofMillis(intervalMs), BATCH, masked.backfill("member"));
    }

    @Bean
    RecurringTask<Void> memberArchiveMaskedBackfillTask(Backfills backfills, MaskedForms masked,
                                                        @Value("${zhibu.backfill.interval-ms:2000}") long intervalMs) {
        return backfills.task(ARCHIVE, Duration.ofMillis(intervalMs), BATCH, masked.backfill("member_archive"));
    }
}
