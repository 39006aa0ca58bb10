package cn.zhibu.platform.audit;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import cn.zhibu.platform.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every module's {@link AuditVocabulary}, read together: the Chinese of actions, records, fields and coded values, and
 * the entries rendered with it. A key or code no module names is shown as it is (entries written before a field had
 * a name, or by a module since removed): the audit page never fails on what an entry holds.
 */
@Component
public class AuditVocabularies {

    private static final Logger log = LoggerFactory.getLogger(AuditVocabularies.class);

    private final Map<String, String> actionLabels = new LinkedHashMap<>();
    private final Map<String, AuditSubject> subjects = new LinkedHashMap<>();
    private final JsonMapper json;

    AuditVocabularies(List<AuditVocabulary> vocabularies, JsonMapper json) {
        this.json = json;
        for (AuditVocabulary v : vocabularies) {
            for (AuditAction a : v.actions()) {
                String known = actionLabels.putIfAbsent(a.code(), a.label());
                if (known != null && !known.equals(a.label())) {
                    throw new IllegalStateException("审计操作 " + a.code() + " 有两个名称：" + known + "、" + a.label());
                }
            }
            for (AuditSubject s : v.subjects()) {
                if (subjects.putIfAbsent(s.type(), s) != null) {
                    throw new IllegalStateException("审计对象类型 " + s.type() + " 由两个模块声明");
                }
            }
        }
    }

    /** The Chinese of an action; the code itself when no module declares it. */
    public String actionLabel(String code) {
        return code == null ? "" : actionLabels.getOrDefault(code, code);
    }

    public boolean declares(String actionCode) {
        return actionLabels.containsKey(actionCode);
    }

    /** Every declared action, code → label, in the order of their codes (so a module's actions stay together). */
    public Map<String, String> actions() {
        return actionLabels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Every kind of record, type → label (without the shared fields' pseudo-subject). */
    public Map<String, String> subjects() {
        Map<String, String> out = new LinkedHashMap<>();
        subjects.values().stream().filter(s -> !s.type().equals(AuditSubject.ANY))
                .sorted(Comparator.comparing(AuditSubject::type))
                .forEach(s -> out.put(s.type(), s.label()));
        return out;
    }

    /** The entries as read in Chinese, with links to the records {@code scope} may open (one query per kind). */
    public List<AuditEntryView> describe(DataScope scope, List<AuditLog.Entry> entries) {
        Map<String, Map<String, String>> links = links(scope, entries);
        List<AuditEntryView> views = new ArrayList<>(entries.size());
        for (AuditLog.Entry e : entries) {
            Map<String, String> ofType = links.get(e.entityType());
            // entries about no single record (an export) have no id, and immutable maps refuse a null key
            views.add(describe(e, ofType == null || e.entityId() == null ? null : ofType.get(e.entityId())));
        }
        return views;
    }

    private Map<String, Map<String, String>> links(DataScope scope, List<AuditLog.Entry> entries) {
        Map<String, Set<String>> idsByType = new LinkedHashMap<>();
        for (AuditLog.Entry e : entries) {
            if (e.entityType() != null && e.entityId() != null) {
                idsByType.computeIfAbsent(e.entityType(), t -> new LinkedHashSet<>()).add(e.entityId());
            }
        }
        Map<String, Map<String, String>> links = new LinkedHashMap<>();
        idsByType.forEach((type, ids) -> {
            AuditSubject subject = subjects.get(type);
            if (subject != null) {
                links.put(type, visible(subject, scope, ids));
            }
        });
        return links;
    }

    /** A link that cannot be checked is not shown; the page still renders. */
    private static Map<String, String> visible(AuditSubject subject, DataScope scope, Collection<String> ids) {
        try {
            return subject.links().visible(scope, ids);
        } catch (RuntimeException e) {
            log.warn("审计对象 {} 的链接查询失败，不显示链接", subject.type(), e);
            return Map.of();
        }
    }

    AuditEntryView describe(AuditLog.Entry e, String link) {
        AuditSubject subject = subjects.get(e.entityType());
        Map<String, Object> before = parse(e.beforeJson());
        Map<String, Object> after = parse(e.afterJson());
        Set<String> keys = new LinkedHashSet<>();
        if (after != null) {
            keys.addAll(after.keySet());
        }
        if (before != null) {
            keys.addAll(before.keySet());
        }
        List<AuditEntryView.FieldChange> changes = new ArrayList<>();
        int unchanged = 0;
        for (String key : keys) {
            AuditSubject.Field field = field(subject, key);
            if (field != null && field.hidden()) {
                continue;
            }
            Object old = before == null ? null : before.get(key);
            Object now = after == null ? null : after.get(key);
            if (before != null && after != null && Objects.equals(old, now)) {
                unchanged++;
                continue;
            }
            if (old == null && now == null) {
                continue;
            }
            changes.add(new AuditEntryView.FieldChange(key, field == null ? key : field.label(),
                    format(subject, field, old), format(subject, field, now)));
        }
        return new AuditEntryView(e.chain(), e.seq(), e.at(), e.actorId(), e.actorName(), e.action(),
                actionLabel(e.action()), e.entityType(), subject == null ? e.entityType() : subject.label(),
                e.entityId(), recordName(subject, after, before), link, e.orgPath(), changes, unchanged,
                e.beforeJson(), e.afterJson(), e.hash());
    }

    private AuditSubject.Field field(AuditSubject subject, String key) {
        AuditSubject.Field own = subject == null ? null : subject.fields().get(key);
        if (own != null) {
            return own;
        }
        AuditSubject shared = subjects.get(AuditSubject.ANY);
        return shared == null ? null : shared.fields().get(key);
    }

    private static String recordName(AuditSubject subject, Map<String, Object> after, Map<String, Object> before) {
        if (subject == null) {
            return null;
        }
        for (String key : subject.titleKeys()) {
            for (Map<String, Object> m : java.util.Arrays.asList(after, before)) {
                if (m != null && m.get(key) instanceof String s && !s.isBlank()) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The value in Chinese: the field's own formatter first, then booleans as 是/否, lists and objects spelled out. */
    private String format(AuditSubject subject, AuditSubject.Field field, Object value) {
        if (value == null) {
            return null;
        }
        if (field != null && field.format() != null) {
            try {
                String shown = field.format().apply(value);
                if (shown != null) {
                    return shown;
                }
            } catch (RuntimeException e) {
                log.debug("审计字段 {} 的格式化失败，按原值显示", field.key(), e);
            }
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> format(subject, null, v)).filter(Objects::nonNull)
                    .collect(Collectors.joining("、"));
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> {
                AuditSubject.Field inner = field(subject, String.valueOf(k));
                if (v != null && (inner == null || !inner.hidden())) {
                    parts.add((inner == null ? k : inner.label()) + "：" + format(subject, inner, v));
                }
            });
            return String.join("，", parts);
        }
        return value.toString();
    }

    /** The entry's JSON as an ordered map; a value that is not an object is shown under the key "内容". */
    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            Object value = json.readValue(text, Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("内容", value);
            return wrapped;
        } catch (RuntimeException e) {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("内容", text);
            return raw;
        }
    }
}
