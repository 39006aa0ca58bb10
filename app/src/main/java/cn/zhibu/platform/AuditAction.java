package cn.zhibu.platform;

/**
 * An action a module writes into the audit log. The code is what the entry stores (it is covered by the entry's
 * hash, so a code once written never changes); the label is how the audit page and the API name it in Chinese. Each
 * module declares its actions as constants (an enum implementing this) and lists them in its {@link AuditVocabulary},
 * so an action cannot be written without a label.
 */
public interface AuditAction {

    /** As stored, e.g. {@code 党员.修改}. */
    String code();

    /** As read, e.g. {@code 修改党员信息}. */
    String label();

    /** An action declared by code and label, for actions made from another list (a 发展党员 step). */
    static AuditAction of(String code, String label) {
        return new Declared(code, label);
    }

    record Declared(String code, String label) implements AuditAction {
    }
}
