package cn.zhibu.member.internal;

import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;

import java.time.LocalDate;

/**
 * A member row as stored: sensitive fields encrypted, with their masked display forms beside them (null in a row
 * written before V48 and not yet filled: see {@code platform.MaskedForms}); the pinyin columns serve keyset cursors.
 */
public record MemberRow(long id, long orgId, String orgName, String orgPath, long rootId, String name, Gender gender,
                        String ethnicity, LocalDate birthDate, byte[] idNumberEnc, byte[] phoneEnc,
                        String idNumberMasked, String phoneMasked,
                        Education education, Occupation occupation, MemberStatus status, LocalDate joinedOn,
                        LocalDate convertedOn, String jobTitle, String workUnit, int version, String namePinyin,
                        String nameInitials, LocalDate lostContactSince) {

    /** The same record under its id in the registry (known once inserted). */
    public MemberRow withId(long newId) {
        return new MemberRow(newId, orgId, orgName, orgPath, rootId, name, gender, ethnicity, birthDate, idNumberEnc,
                phoneEnc, idNumberMasked, phoneMasked, education, occupation, status, joinedOn, convertedOn, jobTitle, workUnit, version,
                namePinyin, nameInitials, lostContactSince);
    }

    /** The same record in another status (a conversion, or the status held before a suspension). */
    public MemberRow withStatus(MemberStatus newStatus, LocalDate newConvertedOn) {
        return new MemberRow(id, orgId, orgName, orgPath, rootId, name, gender, ethnicity, birthDate, idNumberEnc,
                phoneEnc, idNumberMasked, phoneMasked, education, occupation, newStatus, joinedOn, newConvertedOn, jobTitle, workUnit, version,
                namePinyin, nameInitials, lostContactSince);
    }
}
