package cn.zhibu.organization;

/** An organization that may receive a transferred member, as the platform-wide directory shows it: names only. */
public record TransferTarget(long id, String name, String typeLabel, String parentName) {
}
