package cn.zhibu.platform;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A kind of record audit entries are about ({@code entity_type}, e.g. {@code member}): its Chinese name, the Chinese
 * names of the fields its entries record and of their coded values, which fields name the record, and how to link
 * to the records the caller may open. Built by its module, e.g.
 * {@code AuditSubject.of("member", "党员").field("gender", "性别", Gender.class, Gender::label).title("name")}.
 */
public final class AuditSubject {

    /** Subject type whose fields every subject falls back to (fields several modules' entries share). */
    public static final String ANY = "*";

    private final String type;
    private final String label;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private List<String> titleKeys = List.of();
    private RecordLinks links = RecordLinks.NONE;

    private AuditSubject(String type, String label) {
        this.type = Objects.requireNonNull(type);
        this.label = Objects.requireNonNull(label);
    }

    public static AuditSubject of(String type, String label) {
        return new AuditSubject(type, label);
    }

    /** A field shown with its Chinese name, its value as recorded. */
    public AuditSubject field(String key, String label) {
        fields.put(key, new Field(key, label, null, false));
        return this;
    }

    /** A field whose recorded value is an enum constant's name, shown as that constant's Chinese label. */
    public <E extends Enum<E>> AuditSubject field(String key, String label, Class<E> values, Function<E, String> valueLabel) {
        Map<String, String> names = new LinkedHashMap<>();
        for (E e : values.getEnumConstants()) {
            names.put(e.name(), valueLabel.apply(e));
        }
        return field(key, label, raw -> raw instanceof String s ? names.get(s) : null);
    }

    /** A field whose recorded values are listed with their Chinese (codes not listed are shown as recorded). */
    public AuditSubject coded(String key, String label, Map<String, String> valueLabels) {
        Map<String, String> copy = Map.copyOf(valueLabels);
        return field(key, label, raw -> raw instanceof String s ? copy.get(s) : null);
    }

    /**
     * A field shown through the module's own formatter (a list of seats as "书记 张三、组织委员 李四"); the formatter gets
     * the value as parsed from JSON (String, Number, Boolean, List, Map) and returns null to fall back to the default.
     */
    public AuditSubject field(String key, String label, Function<Object, String> format) {
        fields.put(key, new Field(key, label, format, false));
        return this;
    }

    /** Fields recorded for the machine (internal ids, digests) and not shown. */
    public AuditSubject hidden(String... keys) {
        for (String key : keys) {
            fields.put(key, new Field(key, key, null, true));
        }
        return this;
    }

    /** The fields that name the record in a list ("张三"), first present first. */
    public AuditSubject title(String... keys) {
        this.titleKeys = List.copyOf(Arrays.asList(keys));
        return this;
    }

    /** How to link the records the caller may open. */
    public AuditSubject links(RecordLinks links) {
        this.links = Objects.requireNonNull(links);
        return this;
    }

    public String type() {
        return type;
    }

    public String label() {
        return label;
    }

    public Map<String, Field> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public List<String> titleKeys() {
        return titleKeys;
    }

    public RecordLinks links() {
        return links;
    }

    /**
     * One field of a subject.
     *
     * @param format null: the value as recorded (booleans as 是/否, lists joined)
     */
    public record Field(String key, String label, Function<Object, String> format, boolean hidden) {
    }

    /**
     * Links to records, limited to those the caller may open: a record outside the caller's scope (moved away,
     * deleted, another branch's) gets no link. Called once per page of entries, so implement it as one query.
     */
    @FunctionalInterface
    public interface RecordLinks {

        RecordLinks NONE = (scope, ids) -> Map.of();

        /** The address of each record, by entity id, that the caller may open; ids not returned are not linked. */
        Map<String, String> visible(DataScope scope, Collection<String> entityIds);

        /** Numeric entity ids of the list (others are ignored: they cannot name a record of a numeric table). */
        static List<Long> numericIds(Collection<String> ids) {
            return ids.stream().filter(Objects::nonNull).filter(s -> s.matches("[0-9]{1,18}")).map(Long::valueOf)
                    .distinct().toList();
        }
    }
}
