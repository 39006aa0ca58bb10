package cn.zhibu.life.internal;

import cn.zhibu.life.RecordForm;
import cn.zhibu.life.RollEntry;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.input.TextKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks a record's fields pass, whether saved before confirmation or corrected after: Chinese, by field. */
public final class RecordInput {

    private RecordInput() {
    }

    /** The minutes sanitised; refused when they say nothing. */
    public static String minutes(FieldErrors errors, String html) {
        if (MinutesHtml.blank(html)) {
            errors.reject("minutes", "请填写会议记录（会议议程、讨论和发言的主要内容）");
            return null;
        }
        return MinutesHtml.sanitize(html);
    }

    /** The resolutions, blank ones dropped, each a note of at most 1,000 characters. */
    public static List<String> resolutions(FieldErrors errors, List<String> given) {
        List<String> resolutions = new ArrayList<>();
        if (given == null) {
            return resolutions;
        }
        for (String r : given) {
            String text = TextKind.normalize(r);
            if (text == null || text.isEmpty()) {
                continue;
            }
            String problem = TextKind.NOTE.problem("第" + (resolutions.size() + 1) + "条决议", text);
            if (problem != null) {
                errors.reject("resolutions", problem);
            }
            resolutions.add(text);
        }
        if (resolutions.size() > RecordForm.MAX_RESOLUTIONS) {
            errors.reject("resolutions", "决议最多" + RecordForm.MAX_RESOLUTIONS + "条");
        }
        return resolutions;
    }

    /** A required name (主持人, 记录人). */
    public static String name(FieldErrors errors, String field, String label, String value) {
        String name = TextKind.normalize(value);
        if (name == null || name.isEmpty()) {
            errors.reject(field, "请填写" + label);
            return null;
        }
        return name;
    }

    /** The ids marked present, each an invitee of the meeting. */
    public static Set<Long> present(FieldErrors errors, List<RollEntry> roll, Collection<Long> ids) {
        Set<Long> invited = roll.stream().map(RollEntry::memberId).collect(Collectors.toSet());
        Set<Long> present = new LinkedHashSet<>();
        for (Long id : ids) {
            if (id == null || !invited.contains(id)) {
                errors.reject("presentMemberIds", "出席人员须是本次会议的参会人员（党员编号" + id + "不在名单中）");
            } else {
                present.add(id);
            }
        }
        return present;
    }
}
