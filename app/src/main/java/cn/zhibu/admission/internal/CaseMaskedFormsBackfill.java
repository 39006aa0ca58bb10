package cn.zhibu.admission.internal;

import cn.zhibu.platform.Backfills;
import cn.zhibu.platform.MaskedForms;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Fills the masked 身份证号 and phone of admission cases written before V48, in the background (as the registry's,
 * {@code member.internal.MaskedFormsBackfill}); the case page decrypts a case not yet filled meanwhile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class CaseMaskedFormsBackfill {

    static final String CASES = "admission-case-masked";

    @Bean
    RecurringTask<Void> admissionCaseMaskedBackfillTask(Backfills backfills, MaskedForms masked,
                                                        @Value("${zhibu.backfill.interval-ms:2000}") long intervalMs) {
        return backfills.task(CASES, Duration.ofMillis(intervalMs), 2_000, masked.backfill("admission_case"));
    }
}
