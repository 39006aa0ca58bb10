package cn.zhibu.identity;

import cn.zhibu.platform.FieldErrors;

/**
 * What a password chosen by its owner must be: long enough to resist guessing offline against a stolen hash, with
 * letters and digits, and not the user name or the password it replaces.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static void check(String username, String current, String chosen, FieldErrors errors) {
        if (chosen == null || chosen.isEmpty()) {
            errors.reject("newPassword", "新密码：必填");
            return;
        }
        if (chosen.length() < MIN_LENGTH || chosen.length() > MAX_LENGTH) {
            errors.reject("newPassword", "新密码：长度须为" + MIN_LENGTH + "–" + MAX_LENGTH + "个字符");
        } else if (chosen.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            errors.reject("newPassword", "新密码：不能包含控制字符");
        } else if (chosen.chars().noneMatch(Character::isLetter) || chosen.chars().noneMatch(Character::isDigit)) {
            errors.reject("newPassword", "新密码：须同时包含字母和数字");
        } else if (chosen.equalsIgnoreCase(username)) {
            errors.reject("newPassword", "新密码：不能与用户名相同");
        } else if (chosen.equals(current)) {
            errors.reject("newPassword", "新密码：不能与原密码相同");
        }
    }
}
