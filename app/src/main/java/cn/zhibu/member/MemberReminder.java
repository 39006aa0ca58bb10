package cn.zhibu.member;

import java.time.LocalDate;

/**
 * Something due for one member: 转正 after the year of probation (D11), 停止党籍 after 6 months out of contact, 除名
 * 2 years after 停止党籍 (R5). {@code rule} is the RULES.md id; {@code archived} says which page shows the record; {@code orgPath} lets the inbox tell whose work it is.
 */
public record MemberReminder(String rule, long memberId, String name, long orgId, String orgName, String orgPath,
                             LocalDate dueOn,
                             String message, boolean archived) {
}
