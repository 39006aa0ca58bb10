package cn.zhibu.member.internal;

import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.PinyinNames;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.TreePath;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one member search: scope, subtree, text and filters, and an order that an index can deliver so that a
 * page costs the same at any depth (keyset on the order columns, never OFFSET for cursors). Text is matched as a
 * range on an indexed, "C"-collated column: names by their full pinyin (plus the name prefix itself), initials on
 * {@code name_initials}, 身份证号 by its keyed hash.
 * <p>
 * Those keys are read from {@code member_lookup} (V57), which holds them beside the member's organization and tree
 * and which a subtree's move never rewrites; the scope is then the organizations' (see {@link LookupOrganizations}).
 * A list without text walks the same pinyin key; only a part of a name scans the member table's subtree range.
 */
public final class MemberQuery {

    /** How the search text is read. */
    public enum Kind {
        ALL, ID, INITIALS, PINYIN, NAME, NAME_CONTAINS;

        /**
         * Read in the order of a key of member_lookup (alias l): every reading but a part of the name, which no
         * index serves and which scans the member table's subtree range.
         */
        boolean byLookup() {
            return this != NAME_CONTAINS;
        }

        List<String> orderColumns() {
            String a = byLookup() ? "l." : "m.";
            return this == INITIALS ? List.of(a + "name_initials", a + "name_pinyin", a + "id")
                    : List.of(a + "name_pinyin", a + "id");
        }
    }

    private static final char SEPARATOR = '\u0001';

    private final MemberSearch search;
    private final Kind kind;
    private final byte[] idHash;
    private final String text;

    private MemberQuery(MemberSearch search, Kind kind, byte[] idHash) {
        this.search = search;
        this.kind = kind;
        this.idHash = idHash;
        this.text = search.text() == null ? "" : search.text().trim();
    }

    public static MemberQuery of(MemberSearch search, Kind kind, byte[] idHash) {
        return new MemberQuery(search, kind, idHash);
    }

    /** The reading of the text most users mean: letters with a vowel after the first are pinyin, else initials. */
    public static Kind kindOf(String rawText, boolean looksLikeId) {
        String t = rawText == null ? "" : rawText.trim();
        if (t.isEmpty()) {
            return Kind.ALL;
        }
        if (looksLikeId) {
            return Kind.ID;
        }
        if (t.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return t.substring(1).toLowerCase().matches(".*[aeiouv].*") ? Kind.PINYIN : Kind.INITIALS;
        }
        return Kind.NAME;
    }

    /** The reading a cursor was made with, so that following pages keep the first page's order. */
    public static Kind kindOfCursor(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return Kind.valueOf(decoded.substring(0, decoded.indexOf(SEPARATOR)));
        } catch (RuntimeException e) {
            throw InvalidInputException.of("cursor", "翻页游标无效，请从第一页重新查询");
        }
    }

    /**
     * The other reading, tried when the first finds nothing: letters as initials or as pinyin, and a name given
     * without its surname (娜娜 for 欧阳娜娜) as a part of the name. That last one cannot use an index, so it is only
     * a fallback and costs a scan of the subtree.
     */
    public Kind alternative() {
        return switch (kind) {
            case PINYIN -> Kind.INITIALS;
            case INITIALS -> Kind.PINYIN;
            case NAME -> Kind.NAME_CONTAINS;
            default -> null;
        };
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The tables the first, index-only step reads: the lookup keys (as {@code organizations} give them for the
     * reading), joined to the member only for its filters.
     */
    String from(LookupOrganizations organizations, Map<String, Object> p, LookupOrganizations.Reading reading) {
        if (!kind.byLookup()) {
            return "member m";
        }
        String lookup = organizations.table(p, lookupReading(reading));
        return filtered() ? lookup + " join member m on m.id = l.id" : lookup;
    }

    private boolean filtered() {
        StringBuilder probe = new StringBuilder();
        filters(probe, new HashMap<>());
        return !probe.isEmpty();
    }

    /**
     * How this kind reads the lookup for a page or a count: a 身份证号 finds one row at most; initials can be looked
     * up organization by organization, for a count (V59) and for a page (V60).
     */
    private LookupOrganizations.Reading lookupReading(LookupOrganizations.Reading pageOrCount) {
        if (kind == Kind.ID) {
            return LookupOrganizations.Reading.ONE_KEY;
        }
        if (kind != Kind.INITIALS) {
            return pageOrCount;
        }
        return pageOrCount == LookupOrganizations.Reading.COUNT
                ? LookupOrganizations.Reading.COUNT_BY_ORGANIZATION : LookupOrganizations.Reading.PAGE_BY_ORGANIZATION;
    }

    /** {@code reading}: {@link LookupOrganizations.Reading#PAGE} or {@link LookupOrganizations.Reading#COUNT}. */
    String where(DataScope scope, TreePath subtree, Map<String, Object> p, boolean withCursor,
                 LookupOrganizations organizations, LookupOrganizations.Reading reading) {
        // a lookup reading's scope is its members' organizations
        StringBuilder sql = new StringBuilder(kind.byLookup()
                ? organizations.condition(p, lookupReading(reading))
                : scope.memberScopeSql("m.org_path", p));
        if (subtree != null && !kind.byLookup()) {
            sql.append(" and m.org_path >= :subLo and m.org_path < :subHi");
            p.put("subLo", subtree.value());
            p.put("subHi", subtree.upperBound());
        }
        switch (kind) {
            case ID -> {
                sql.append(" and l.id_number_hash = :idHash");
                p.put("idHash", idHash);
            }
            case INITIALS -> range(sql, p, "l.name_initials", text.toLowerCase());
            case PINYIN -> range(sql, p, "l.name_pinyin", text.toLowerCase());
            case NAME -> {
                String pinyin = PinyinNames.full(text);
                if (!pinyin.isEmpty()) {
                    range(sql, p, "l.name_pinyin", pinyin);
                }
                sql.append(" and l.name like :namePrefix");
                p.put("namePrefix", likeSafe(text) + "%");
            }
            case NAME_CONTAINS -> {
                sql.append(" and m.name like :namePart");
                p.put("namePart", "%" + likeSafe(text) + "%");
            }
            case ALL -> {
            }
        }
        filters(sql, p);
        if (withCursor && search.cursor() != null && !search.cursor().isBlank()) {
            keyset(sql, p);
        }
        return sql.toString();
    }

    String orderBy() {
        return String.join(", ", kind.orderColumns());
    }

    /** The order of the page's rows once their keys are joined back to the member (as {@code k}). */
    String outerOrderBy() {
        return orderBy().replace("l.", "k.").replace("m.", "k.");
    }

    /** The order columns (which include the id): what the index-only first step selects. */
    String keyColumns() {
        return orderBy();
    }

    /** The cursor pointing after {@code last}: its values of the order columns. */
    String cursorAfter(MemberRow last) {
        String values = kind == Kind.INITIALS
                ? last.nameInitials() + SEPARATOR + last.namePinyin() + SEPARATOR + last.id()
                : last.namePinyin() + SEPARATOR + last.id();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind.name() + SEPARATOR + values).getBytes(StandardCharsets.UTF_8));
    }

    private void keyset(StringBuilder sql, Map<String, Object> p) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(search.cursor()), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("cursor", "翻页游标无效，请从第一页重新查询");
        }
        List<String> columns = kind.orderColumns();
        if (parts.length != columns.size() + 1 || !parts[0].equals(kind.name())) {
            throw InvalidInputException.of("cursor", "翻页游标与查询条件不符，请从第一页重新查询");
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String name = "k" + i;
            values.append(i == 0 ? "" : ", ").append(':').append(name);
            boolean isId = columns.get(i).endsWith(".id");
            try {
                p.put(name, isId ? Long.parseLong(parts[i + 1]) : parts[i + 1]);
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("cursor", "翻页游标无效，请从第一页重新查询");
            }
        }
        sql.append(" and (").append(orderBy()).append(") > (").append(values).append(')');
    }

    private static String likeSafe(String text) {
        return text.replace("\\", "").replace("%", "").replace("_", "");
    }

    private static void range(StringBuilder sql, Map<String, Object> p, String column, String prefix) {
        String key = column.substring(2);
        sql.append(" and ").append(column).append(" >= :").append(key).append("Lo and ").append(column)
                .append(" < :").append(key).append("Hi");
        p.put(key + "Lo", prefix);
        p.put(key + "Hi", prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1));
    }

    private void filters(StringBuilder sql, Map<String, Object> p) {
        MemberSearch s = search;
        if (s.status() != null) {
            sql.append(" and m.status = :status");
            p.put("status", s.status().name());
        }
        if (s.gender() != null) {
            sql.append(" and m.gender = :gender");
            p.put("gender", s.gender().name());
        }
        if (s.ethnicity() != null && !s.ethnicity().isBlank()) {
            sql.append(" and m.ethnicity = :ethnicity");
            p.put("ethnicity", s.ethnicity());
        }
        if (s.education() != null) {
            sql.append(" and m.education = :education");
            p.put("education", s.education().name());
        }
        if (s.occupation() != null) {
            sql.append(" and m.occupation = :occupation");
            p.put("occupation", s.occupation().name());
        }
        if (s.ageBand() != null) {
            LocalDate today = LocalDate.now();
            sql.append(" and m.birth_date >= :bornFrom and m.birth_date < :bornBefore");
            p.put("bornFrom", LocalDate.of(s.ageBand().earliestBirthYear(today), 1, 1));
            p.put("bornBefore", LocalDate.of(s.ageBand().latestBirthYear(today) + 1, 1, 1));
        }
    }
}
