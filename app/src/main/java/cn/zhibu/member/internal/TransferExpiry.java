package cn.zhibu.member.internal;

import cn.zhibu.member.TransferService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** R4: closes transfers past their validity every hour (actions on a transfer check it themselves as well). */
@Component
@ConditionalOnWebApplication
class TransferExpiry {

    private static final Logger log = LoggerFactory.getLogger(TransferExpiry.class);

    private final TransferService transfers;

    TransferExpiry(TransferService transfers) {
        this.transfers = transfers;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void expire() {
        int expired = transfers.expireOverdue();
        if (expired > 0) {
            log.info("{} 个组织关系转接已超过有效期，已置为过期", expired);
        }
    }
}
