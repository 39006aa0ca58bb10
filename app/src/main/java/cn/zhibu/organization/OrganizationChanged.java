package cn.zhibu.organization;

/**
 * Published synchronously inside the transaction after an organization is created, edited or dissolved, or its
 * committee changes (换届, a seat filled or vacated), so that data derived from what an organization is (which
 * meetings it must hold) changes with it atomically. Listeners read the organization as it now is.
 */
public record OrganizationChanged(long orgId) {
}
