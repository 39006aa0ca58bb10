package cn.zhibu.life.compliance.internal;

import cn.zhibu.life.MeetingChangeListener;
import cn.zhibu.life.MeetingFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every change of a meeting that compliance reads reaches the roll-ups here, inside the writer's transaction. */
@Component
class ComplianceMeetingListener implements MeetingChangeListener {

    private final ComplianceBookkeeping bookkeeping;

    ComplianceMeetingListener(ComplianceBookkeeping bookkeeping) {
        this.bookkeeping = bookkeeping;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(MeetingFacts before, MeetingFacts after) {
        bookkeeping.meetingChanged(before, after);
    }
}
