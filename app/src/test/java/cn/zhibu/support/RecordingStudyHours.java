package cn.zhibu.support;

import cn.zhibu.learning.StudyCredit;
import cn.zhibu.learning.StudyHours;
import cn.zhibu.learning.StudySource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only {@link StudyHours} for branches that do not have the hours part (i15-hours implements it in main
 * code): records each credit so tests can count them. Remove it when the hours part is merged.
 */
@Component
@Profile("test")
public class RecordingStudyHours implements StudyHours {

    private final List<StudyCredit> credits = new CopyOnWriteArrayList<>();

    @Override
    public void credit(StudyCredit credit) {
        credits.add(credit);
    }

    @Override
    public void withdraw(long memberId, StudySource source, long sourceId) {
        credits.removeIf(c -> c.memberId() == memberId && c.source() == source && c.sourceId() == sourceId);
    }

    /** What was credited to one member for one course. */
    public List<StudyCredit> creditsFor(long memberId, long courseId) {
        return credits.stream().filter(c -> c.memberId() == memberId && c.source() == StudySource.COURSE
                && c.sourceId() == courseId).toList();
    }
}
