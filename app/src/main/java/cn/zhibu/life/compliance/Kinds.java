package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.platform.FieldErrors;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A kind chosen by a filter or an exemption: blank for every kind; 谈心谈话 is counted by its own records. */
final class Kinds {

    private Kinds() {
    }

    static MeetingKind parse(String code, String field, FieldErrors errors) {
        if (code == null || code.isBlank()) {
            return null;
        }
        MeetingKind kind = Arrays.stream(MeetingKind.values()).filter(k -> k.name().equals(code.strip())).findFirst()
                .orElse(null);
        if (kind == null) {
            errors.reject(field, "类型应为以下之一：" + Arrays.stream(counted())
                    .map(k -> k.name() + "（" + k.label() + "）").collect(Collectors.joining("、")));
        } else if (kind == MeetingKind.HEART_TALK) {
            errors.reject(field, "谈心谈话按谈心谈话记录的覆盖情况考核（B11），不在会议考核之列");
            return null;
        }
        return kind;
    }

    /** The kinds compliance counts meetings of. */
    static MeetingKind[] counted() {
        return Arrays.stream(MeetingKind.values()).filter(k -> k != MeetingKind.HEART_TALK).toArray(MeetingKind[]::new);
    }
}
