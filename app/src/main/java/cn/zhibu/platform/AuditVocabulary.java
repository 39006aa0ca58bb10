package cn.zhibu.platform;

import java.util.List;

/**
 * How one module's audit entries read in Chinese: its actions, and the kinds of record it writes entries about (their
 * fields, the Chinese of their coded values, the link to the record). Each module contributes one bean; the audit
 * page and API read them all and know no module. Keys and codes a vocabulary does not name are shown as they are.
 */
public interface AuditVocabulary {

    /** Every action the module writes; a code listed twice must carry one label. */
    List<? extends AuditAction> actions();

    /** The record kinds ({@code entity_type}) the module writes entries about. */
    List<AuditSubject> subjects();
}
