package cn.zhibu.generator;

import cn.zhibu.platform.db.CopyText;

import cn.zhibu.member.PinyinNames;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.Masking;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Member rows as the app stores them: 身份证号 and phone encrypted with SM4 and hashed for lookup with the app's
 * {@link FieldCipher}, their masked display forms ({@link Masking}) beside them, the name's pinyin and initials for
 * search, enums by name, the ethnicity in Chinese.
 * Shared by the workers: the cipher keeps its keyed instances per thread.
 */
final class MemberRows {

    static final String COLUMNS = "id, org_id, org_path, root_id, name, name_pinyin, name_initials, gender, ethnicity, "
            + "birth_date, id_number_enc, id_number_hash, phone_enc, phone_hash, id_number_masked, phone_masked, "
            + "education, occupation, status, "
            + "joined_on, converted_on, work_unit";

    /** Where the members of one organization sit. */
    record Holder(long orgId, String path, long rootId, String workUnit) {

        /** The work unit is the nearest unit named on the way up: the village, the school, the company. */
        static Holder of(PlannedOrg org) {
            PlannedOrg unit = org;
            while (unit != null && unit.unitName == null) {
                unit = unit.parent;
            }
            return new Holder(org.id(), org.path, org.rootId(), unit == null ? null : unit.unitName);
        }
    }

    private final FieldCipher cipher;
    /** Pinyin of names already seen: a province has millions of members but far fewer distinct names. */
    private final Map<String, String[]> spellings = new ConcurrentHashMap<>();

    MemberRows(FieldCipher cipher) {
        this.cipher = cipher;
    }

    void write(CopyText out, GeneratedMember m, Holder holder) {
        String[] spelling = spellings.computeIfAbsent(m.name,
                name -> new String[]{PinyinNames.full(name), PinyinNames.initials(name)});
        out.number(m.id).tab().number(holder.orgId()).tab().text(holder.path()).tab().number(holder.rootId()).tab()
                .text(m.name).tab().text(spelling[0]).tab().text(spelling[1]).tab()
                .text(m.gender.name()).tab().text(m.ethnicity).tab().date(m.birthDate).tab()
                .bytea(cipher.encrypt(m.idNumber)).tab().bytea(cipher.lookupHash(m.idNumber)).tab()
                .bytea(cipher.encrypt(m.phone)).tab().bytea(cipher.lookupHash(m.phone)).tab()
                .text(Masking.idNumber(m.idNumber)).tab().text(Masking.phone(m.phone)).tab()
                .text(m.education.name()).tab().text(m.occupation.name()).tab().text(m.status.name()).tab()
                .date(m.joinedOn).tab().date(m.convertedOn).tab().text(holder.workUnit()).endRow();
    }
}
