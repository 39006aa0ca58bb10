package cn.zhibu.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The member form a writer sends, and the edits it makes to it; every draft passes the app's checks. */
record MemberDraft(long orgId, String name, boolean male, LocalDate birthDate, String idNumber, String phone,
                   boolean full, LocalDate joinedOn, String jobTitle) {

    MemberDraft withJobTitle(String title) {
        return new MemberDraft(orgId, name, male, birthDate, idNumber, phone, full, joinedOn, title);
    }

    /** As a 预备党员: the app requires the 转正 date to be empty then. */
    MemberDraft probationary() {
        return new MemberDraft(orgId, name, male, birthDate, idNumber, phone, false, joinedOn, jobTitle);
    }

    /** After the 转正 the writer asked for (on the first anniversary of joining, D10). */
    MemberDraft converted() {
        return new MemberDraft(orgId, name, male, birthDate, idNumber, phone, true, joinedOn, jobTitle);
    }

    /** The status change that converts this draft's member (the API's StatusChange JSON). */
    Map<String, Object> conversion() {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", "CONVERT");
        change.put("effectiveOn", joinedOn.plusYears(1).toString());
        change.put("reason", "基准测试：按期转正");
        change.put("approvedBy", "基准测试党委");
        return change;
    }

    MemberDraft inOrg(long otherOrgId) {
        return new MemberDraft(otherOrgId, name, male, birthDate, idNumber, phone, full, joinedOn, jobTitle);
    }

    /** The MemberForm JSON of the API (nulls kept: a PUT replaces the whole record). */
    Map<String, Object> form() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("orgId", orgId);
        form.put("name", name);
        form.put("gender", male ? "MALE" : "FEMALE");
        form.put("ethnicity", "汉族");
        form.put("birthDate", birthDate.toString());
        form.put("idNumber", idNumber);
        form.put("phone", phone);
        form.put("education", "BACHELOR");
        form.put("occupation", "CIVIL_SERVANT");
        form.put("status", full ? "FULL" : "PROBATIONARY");
        form.put("joinedOn", joinedOn.toString());
        form.put("convertedOn", full ? joinedOn.plusYears(1).toString() : null);
        form.put("jobTitle", jobTitle);
        form.put("workUnit", "基准测试单位");
        return form;
    }
}
