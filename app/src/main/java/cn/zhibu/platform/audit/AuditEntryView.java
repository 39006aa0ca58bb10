package cn.zhibu.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * An audit entry as a person reads it: the stored entry's codes and JSON with their Chinese beside them, the record it
 * is about (named, and linked when the caller may open it) and the fields that changed, old → new.
 *
 * @param actionLabel    the action in Chinese (the code itself when no module names it)
 * @param entityLabel    the kind of record in Chinese
 * @param recordName     what names the record (a member's name, a 公示's title), or null
 * @param link           the record's page, only when the caller may open it; otherwise null
 * @param changes        the fields shown: all of a creation or deletion, the changed ones of an update
 * @param unchanged      how many fields an update recorded without change (not listed)
 */
public record AuditEntryView(int chain, long seq, Instant at, long actorId, String actorName, String action,
                             String actionLabel, String entityType, String entityLabel, String entityId,
                             String recordName, String link, String orgPath, List<FieldChange> changes, int unchanged,
                             String beforeJson, String afterJson, String hash) {

    /** Field, its Chinese name, and the value before and after in Chinese (null where the entry has none). */
    public record FieldChange(String field, String label, String before, String after) {
    }

    /** 新增, 删除 or 修改, by what the entry holds. */
    public String changeKind() {
        if (beforeJson == null) {
            return "新增";
        }
        return afterJson == null ? "删除" : "修改";
    }
}
