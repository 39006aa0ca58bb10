package cn.zhibu.member;

import cn.zhibu.platform.input.InputValidator;
import cn.zhibu.platform.input.TextKind;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Quote;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One import row checked as the member form would be (身份证号 check digit, dates, codes, organization in the caller's
 * scope). Messages name the column and quote at most a few dozen characters of a bad value. Safe to call from
 * several threads: the organizations it looks up by number are cached for the whole file.
 */
final class RosterRowCheck {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.BASIC_ISO_DATE);
    private static final Map<String, String> FIELD_COLUMNS = Map.ofEntries(
            Map.entry("orgId", "所在党组织"), Map.entry("name", "姓名"), Map.entry("idNumber", "身份证号"),
            Map.entry("birthDate", "身份证号"), Map.entry("gender", "身份证号"), Map.entry("ethnicity", "民族"),
            Map.entry("education", "学历"), Map.entry("occupation", "职业"), Map.entry("status", "党员类别"),
            Map.entry("joinedOn", "入党日期"), Map.entry("convertedOn", "转正日期"), Map.entry("phone", "手机号"),
            Map.entry("jobTitle", "职务"), Map.entry("workUnit", "工作单位"), Map.entry("", "整行"));

    /** One row checked: the form it makes, its organization, and what is wrong with it (column → reason). */
    record Checked(int row, MemberForm form, Organization org, Map<String, String> errors) {
    }

    private final OrganizationService organizations;
    private final DataScope scope;
    private final Map<String, List<Organization>> byName;
    private final Map<Long, Organization> byId = new ConcurrentHashMap<>();

    private final InputValidator input;

    RosterRowCheck(OrganizationService organizations, InputValidator input, DataScope scope, List<String[]> rows) {
        this.organizations = organizations;
        this.input = input;
        this.scope = scope;
        this.byName = organizations.managedByName(scope, rows.stream().map(r -> r[RosterTemplate.ORG])
                .filter(s -> !s.isEmpty() && orgNameProblem(s) == null).collect(Collectors.toSet()));
    }

    Checked check(int row, String[] c) {
        Map<String, String> errors = new LinkedHashMap<>();
        Organization org = organization(c, errors);
        Education education = byLabel(Education.values(), Education::label, c[RosterTemplate.EDUCATION], "学历", errors);
        Occupation occupation = byLabel(Occupation.values(), Occupation::label, c[RosterTemplate.OCCUPATION], "职业", errors);
        MemberStatus status = byLabel(MemberStatus.values(), MemberStatus::label, c[RosterTemplate.STATUS], "党员类别", errors);
        LocalDate joined = date(c[RosterTemplate.JOINED_ON], "入党日期", errors);
        LocalDate converted = date(c[RosterTemplate.CONVERTED_ON], "转正日期", errors);
        String id = c[RosterTemplate.ID_NUMBER];
        if ("#NUMBER".equals(id)) {
            errors.put("身份证号", "身份证号被 Excel 当作数字保存，末几位已丢失：请将该列设为文本格式后重新填写");
            id = "";
        }
        MemberForm form = MemberService.complete(new MemberForm(org == null ? null : org.id(),
                blankToNull(c[RosterTemplate.NAME]), null, blankToNull(c[RosterTemplate.ETHNICITY]), null,
                blankToNull(id), blankToNull(c[RosterTemplate.PHONE]), education, occupation, status, joined, converted,
                blankToNull(c[RosterTemplate.JOB_TITLE]), blankToNull(c[RosterTemplate.WORK_UNIT])));
        FieldErrors formErrors = new FieldErrors();
        // the input policy first, by the same validator as the API and the form (a NUL, a line break, 500 characters)
        input.problems(form).forEach(formErrors::reject);
        MemberService.validate(form, formErrors);
        try {
            formErrors.throwIfAny();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> errors.putIfAbsent(FIELD_COLUMNS.getOrDefault(field, field),
                    message));
        }
        return new Checked(row, form, org, errors);
    }

    private Organization organization(String[] c, Map<String, String> errors) {
        String idText = c[RosterTemplate.ORG_ID];
        Organization org;
        if (!idText.isEmpty()) {
            long id;
            try {
                id = Long.parseLong(idText);
            } catch (NumberFormatException e) {
                errors.put("组织编号", "组织编号应为数字");
                return null;
            }
            org = byId.computeIfAbsent(id, k -> {
                try {
                    return organizations.getManaged(scope, k);
                } catch (NotFoundException e) {
                    return null;
                }
            });
            if (org == null) {
                errors.put("组织编号", "组织编号" + idText + "不存在或不在您的管理范围内");
                return null;
            }
        } else if (c[RosterTemplate.ORG].isEmpty()) {
            errors.put("所在党组织", "请填写所在党组织");
            return null;
        } else if (orgNameProblem(c[RosterTemplate.ORG]) != null) {
            errors.put("所在党组织", orgNameProblem(c[RosterTemplate.ORG]));
            return null;
        } else {
            List<Organization> named = byName.getOrDefault(c[RosterTemplate.ORG], List.of());
            if (named.isEmpty()) {
                errors.put("所在党组织", Quote.of(c[RosterTemplate.ORG]) + "不存在、已撤销或不在您的管理范围内");
                return null;
            }
            if (named.size() > 1) {
                errors.put("所在党组织", "有" + named.size() + "个组织名为" + Quote.of(c[RosterTemplate.ORG]) + "，请填写组织编号");
                return null;
            }
            org = named.get(0);
        }
        if (!org.active() || !org.type().holdsMembers()) {
            errors.put("所在党组织", "党员应编入党支部或党小组，" + Quote.of(org.name()) + "是" + org.typeLabel());
            return null;
        }
        return org;
    }

    private static <E> E byLabel(E[] values, Function<E, String> label, String text, String column,
                                 Map<String, String> errors) {
        if (text.isEmpty()) {
            return null; // the form check names it
        }
        for (E e : values) {
            if (label.apply(e).equals(text)) {
                return e;
            }
        }
        errors.put(column, Quote.of(text) + "不是有效的" + column + "，应为：" + Arrays.stream(values).map(label)
                .collect(Collectors.joining("、")));
        return null;
    }

    private static LocalDate date(String text, String column, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        errors.put(column, Quote.of(text) + "不是有效日期，请写作 2010-07-01");
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The organization's name as the text policy sees it: looked up only when it could be a name at all. */
    private static String orgNameProblem(String name) {
        return TextKind.NAME.problem("所在党组织", name);
    }
}
