package cn.zhibu.life.web;

import cn.zhibu.life.Meeting;
import cn.zhibu.life.MeetingDraft;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.ShortText;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The meeting form as posted: fields may be missing, the service says which. */
record MeetingForm(Long orgId, @ShortText("会议名称") String title, List<MeetingKind> kinds,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                   @ShortText("会议地点") String place, @ShortText("线上会议链接") String onlineLink,
                   @LongText("会议议程") String agenda, Long speakerMemberId, @NameText("党课主讲人") String speakerName,
                   Integer version) {

    static MeetingForm blank(Long orgId, LocalDateTime startsAt) {
        return new MeetingForm(orgId, null, List.of(), startsAt, startsAt.plusHours(2), null, null, null, null, null,
                null);
    }

    static MeetingForm of(Meeting m) {
        return new MeetingForm(m.orgId(), m.title(), m.kinds(), m.startsAt(), m.endsAt(), m.place(), m.onlineLink(),
                m.agenda(), m.speakerMemberId(), m.speakerMemberId() == null ? m.speakerName() : null, m.version());
    }

    MeetingDraft draft() {
        Set<MeetingKind> chosen = EnumSet.noneOf(MeetingKind.class);
        if (kinds != null) {
            kinds.stream().filter(java.util.Objects::nonNull).forEach(chosen::add);
        }
        return new MeetingDraft(orgId == null ? 0 : orgId, title, chosen, startsAt, endsAt, place, onlineLink, agenda,
                speakerMemberId, speakerName, version);
    }

    public boolean has(MeetingKind kind) {
        return kinds != null && kinds.contains(kind);
    }
}
