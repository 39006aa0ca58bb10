package cn.zhibu.identity;

/** A role held at an organization ({@code orgId} null for 系统管理员 and 党员). */
public record RoleGrant(Role role, Long orgId) {
}
