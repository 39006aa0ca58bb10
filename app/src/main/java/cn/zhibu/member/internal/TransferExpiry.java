package cn.zhibu.member.internal;

import cn.zhibu.member.TransferService;
import cn.zhibu.platform.ClusterSchedule;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * R4: closes transfers past their validity every hour, once per cluster (actions on a transfer check it themselves as
 * well).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class TransferExpiry {

    static final String TASK = "transfer-expiry";
    private static final Logger log = LoggerFactory.getLogger(TransferExpiry.class);

    @Bean
    RecurringTask<Void> transferExpiryTask(ClusterSchedule schedule, TransferService transfers) {
        return schedule.every(TASK, Duration.ofHours(1), () -> {
            int expired = transfers.expireOverdue();
            if (expired > 0) {
                log.info("{} 个组织关系转接已超过有效期，已置为过期", expired);
            }
        });
    }
}
