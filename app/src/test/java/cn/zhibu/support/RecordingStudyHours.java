package cn.zhibu.support;

import cn.zhibu.learning.StudyCredit;
import cn.zhibu.learning.StudyHours;
import cn.zhibu.learning.StudySource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the hours part's {@link StudyHours} (another branch implements it): remembers the latest credit of
 * each (member, source, source id), so tests of the parts that credit can read what they credited. Remove it once the
 * real implementation is in main.
 */
@Component
@Profile("test")
public class RecordingStudyHours implements StudyHours {

    private final Map<String, StudyCredit> credits = new ConcurrentHashMap<>();

    @Override
    public void credit(StudyCredit credit) {
        credits.put(key(credit.memberId(), credit.source(), credit.sourceId()), credit);
    }

    @Override
    public void withdraw(long memberId, StudySource source, long sourceId) {
        credits.remove(key(memberId, source, sourceId));
    }

    public Optional<StudyCredit> credited(long memberId, StudySource source, long sourceId) {
        return Optional.ofNullable(credits.get(key(memberId, source, sourceId)));
    }

    private static String key(long memberId, StudySource source, long sourceId) {
        return memberId + ":" + source + ":" + sourceId;
    }
}
