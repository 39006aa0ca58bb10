package cn.zhibu.life.internal;

import cn.zhibu.life.AttendanceTotals;
import cn.zhibu.life.MeetingHeading;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingRecord;
import cn.zhibu.life.Minutes;
import cn.zhibu.life.Quorum;
import cn.zhibu.life.RollEntry;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A meeting's record as readers see it, put together from the meeting, the record, the roll and the files. */
@Component
public class RecordViews {

    private final OrganizationService organizations;
    private final RecordRows records;
    private final RollRows roll;
    private final RecordFileRows files;
    private final CorrectionRows corrections;

    RecordViews(OrganizationService organizations, RecordRows records, RollRows roll, RecordFileRows files,
                CorrectionRows corrections) {
        this.organizations = organizations;
        this.records = records;
        this.roll = roll;
        this.files = files;
        this.corrections = corrections;
    }

    public MeetingRecord of(MeetingRow m) {
        List<RollEntry> entries = roll.roll(m.id());
        // sanitised again on the way out: a row written by any other path is shown safe too
        Minutes minutes = records.find(m.id()).map(r -> new Minutes(MinutesHtml.sanitize(r.html()), r.resolutions(),
                r.chair(), r.minutesTaker(), r.savedBy(), r.savedAt())).orElse(null);
        return new MeetingRecord(heading(m), minutes, AttendanceTotals.of(entries), entries, quorum(m, entries),
                files.of(m.id()), corrections.count(m.id()));
    }

    public MeetingHeading heading(MeetingRow m) {
        return heading(m, organizations.describe(m.orgId()).name());
    }

    /** The headings of several meetings, their organizations read at once (an inbox lists fifty). */
    public List<MeetingHeading> headings(List<MeetingRow> meetings) {
        Map<Long, Organization> orgs = organizations.describeAll(meetings.stream().map(MeetingRow::orgId).toList());
        return meetings.stream().map(m -> heading(m, orgs.get(m.orgId()).name())).toList();
    }

    private static MeetingHeading heading(MeetingRow m, String orgName) {
        List<MeetingKind> kinds = m.kinds().stream().sorted().toList();
        return new MeetingHeading(m.id(), m.orgId(), orgName, m.orgPath(), m.title(), kinds,
                kinds.stream().map(MeetingKind::label).collect(Collectors.joining("、")), m.startsAt(), m.endsAt(),
                m.heldOn(), m.place(), m.status(), m.status().label(), m.late(), m.lateReason(), m.recordedAt(),
                m.confirmedAt(), m.confirmedBy());
    }

    public static Quorum quorum(MeetingRow m, List<RollEntry> entries) {
        int voting = (int) entries.stream().filter(RollEntry::voting).count();
        int present = (int) entries.stream().filter(r -> r.voting() && r.present()).count();
        return Quorum.of(m.kinds(), voting, present);
    }
}
