package cn.zhibu.learning.hours;

import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A training outside the platform a secretary records for a member of their subtree (EXTERNAL 学时): its name, the
 * day, the 学时 on the certificate, where, whether it was a concentrated training (集中培训, T2), the certificate's
 * number (optional) and a note.
 */
public record ExternalTrainingForm(Long memberId, @ShortText("培训名称") String title,
                                   @SensibleDate("培训日期") LocalDate trainedOn, BigDecimal hours,
                                   @ShortText("培训地点") String place, Boolean concentrated,
                                   @ShortText("证书编号") String certificateNo, @NoteText("备注") String note) {
}
