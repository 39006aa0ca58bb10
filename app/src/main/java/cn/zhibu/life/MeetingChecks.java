package cn.zhibu.life;

import cn.zhibu.life.internal.InviteeRoll;
import cn.zhibu.life.internal.MeetingRecords;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.RollMember;
import cn.zhibu.organization.Committee;
import cn.zhibu.organization.Organization;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The checks of a meeting as scheduled or edited, every field's message at once: title, kinds the organization may
 * hold (B6–B11), times — not earlier than the late-recording window ({@code zhibu.life.record.late-window-days},
 * default 90: a meeting held 90 days ago may still be recorded, 91 not), not more than a year ahead —, a place or an
 * online link, the agenda, and who lectures at a 党课 (B9).
 */
@Component
class MeetingChecks {

    static final int TITLE_LIMIT = 100;
    static final int PLACE_LIMIT = 200;
    static final int LINK_LIMIT = 500;
    static final int AGENDA_LIMIT = 4000;
    static final int REASON_LIMIT = 500;
    static final int SPEAKER_LIMIT = 50;
    /** A meeting lasts at most this long (a 主题党日 may take a day; nothing takes longer). */
    static final Duration LONGEST = Duration.ofHours(24);

    private final MembershipService membership;
    private final LateRecording lateRecording;

    MeetingChecks(MembershipService membership, LateRecording lateRecording) {
        this.membership = membership;
        this.lateRecording = lateRecording;
    }

    /** The earliest day a meeting may be held on, scheduled {@code today}: a record is still accepted for it. */
    LocalDate earliestDay(LocalDate today) {
        return lateRecording.earliestHeldOn(today);
    }

    MeetingRecords.Row check(DataScope scope, Organization org, Committee committee, MeetingDraft d,
                             FieldErrors errors) {
        return check(scope, org, committee, d, errors, LocalDate.now());
    }

    /** The checks as of {@code today} (the demo loads a year of history as if each meeting was scheduled in time). */
    MeetingRecords.Row check(DataScope scope, Organization org, Committee committee, MeetingDraft d,
                             FieldErrors errors, LocalDate today) {
        String title = required(errors, "title", d.title(), TITLE_LIMIT, "请填写会议名称", "会议名称", TextKind.SHORT);
        checkKinds(org, committee, d, errors);
        checkTimes(d, errors, today);
        String place = optional(errors, "place", d.place(), PLACE_LIMIT, "会议地点", TextKind.SHORT);
        String link = optional(errors, "onlineLink", d.onlineLink(), LINK_LIMIT, "线上会议链接", TextKind.SHORT);
        if (place == null && link == null && !errors.has("place") && !errors.has("onlineLink")) {
            errors.reject("place", "请填写会议地点或线上会议链接（至少一项）");
        }
        if (link != null && !errors.has("onlineLink") && !webAddress(link)) {
            errors.reject("onlineLink", "线上会议链接应以 http:// 或 https:// 开头，如：https://meeting.example.com/123");
        }
        String agenda = optional(errors, "agenda", d.agenda(), AGENDA_LIMIT, "会议议程", TextKind.LONG);
        Speaker speaker = speaker(scope, org, d, errors);
        return new MeetingRecords.Row(title, d.startsAt(), d.endsAt(), place, link, agenda, speaker.memberId(),
                speaker.name());
    }

    private static void checkKinds(Organization org, Committee committee, MeetingDraft d, FieldErrors errors) {
        if (d.kinds().isEmpty()) {
            errors.reject("kinds", "请至少选择一种会议类型");
            return;
        }
        boolean seated = InviteeRoll.seated(committee);
        for (MeetingKind kind : MeetingKind.values()) {
            String problem = d.kinds().contains(kind) ? MeetingKindRules.problem(kind, org.type(), seated, org.name()) : null;
            if (problem != null) {
                errors.reject("kinds", problem);
                return;
            }
        }
    }

    private void checkTimes(MeetingDraft d, FieldErrors errors, LocalDate today) {
        if (d.startsAt() == null) {
            errors.reject("startsAt", "请填写会议开始时间");
        } else if (d.startsAt().toLocalDate().isBefore(earliestDay(today))) {
            errors.reject("startsAt", "会议开始时间不能早于" + earliestDay(today) + "：超过" + lateRecording.lateWindowDays()
                    + "天的会议不能再补录");
        } else if (d.startsAt().toLocalDate().isAfter(today.plusYears(1))) {
            errors.reject("startsAt", "会议开始时间不能晚于一年以后");
        }
        if (d.endsAt() == null) {
            errors.reject("endsAt", "请填写会议结束时间");
        } else if (d.startsAt() != null && !d.endsAt().isAfter(d.startsAt())) {
            errors.reject("endsAt", "会议结束时间应晚于开始时间");
        } else if (d.startsAt() != null && Duration.between(d.startsAt(), d.endsAt()).compareTo(LONGEST) > 0) {
            errors.reject("endsAt", "会议时长不能超过24小时");
        }
    }

    private record Speaker(Long memberId, String name) {
    }

    /**
     * 党课 (B9) names who lectures: a member of the organization's subtree (by id) or a name (a guest); other meetings
     * name no one.
     */
    private Speaker speaker(DataScope scope, Organization org, MeetingDraft d, FieldErrors errors) {
        if (!d.kinds().contains(MeetingKind.LECTURE)) {
            return new Speaker(null, null);
        }
        if (d.speakerMemberId() != null) {
            LocalDate day = d.startsAt() == null ? LocalDate.now() : d.startsAt().toLocalDate();
            List<RollMember> found = membership.roll(scope, List.of(d.speakerMemberId()), day);
            if (found.isEmpty()) {
                errors.reject("speakerMemberId", "主讲人不在您管理的党员中，请重新选择或直接填写主讲人姓名");
                return new Speaker(null, null);
            }
            return new Speaker(found.get(0).id(), found.get(0).name());
        }
        String name = optional(errors, "speakerName", d.speakerName(), SPEAKER_LIMIT, "党课主讲人", TextKind.NAME);
        if (name == null && !errors.has("speakerName")) {
            errors.reject("speakerName", "党课须填写主讲人（B9：党组织书记每年至少讲一次党课）");
        }
        return new Speaker(null, name);
    }

    private static boolean webAddress(String link) {
        try {
            URI uri = URI.create(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String required(FieldErrors errors, String field, String value, int limit, String missing, String label,
                           TextKind kind) {
        String v = optional(errors, field, value, limit, label, kind);
        if (v == null && !errors.has(field)) {
            errors.reject(field, missing);
        }
        return v;
    }

    /** The value as stored (trimmed; null when blank), or null with the field's message when it breaks the policy. */
    static String optional(FieldErrors errors, String field, String value, int limit, String label, TextKind kind) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = kind.problem(label, value);
        String v = TextKind.normalize(value);
        if (problem == null && v.codePointCount(0, v.length()) > limit) {
            problem = label + "不能超过" + limit + "个字（现有" + v.codePointCount(0, v.length()) + "个字）";
        }
        if (problem != null) {
            errors.reject(field, problem);
            return null;
        }
        return v;
    }
}
