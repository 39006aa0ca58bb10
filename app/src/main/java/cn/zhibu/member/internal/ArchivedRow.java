package cn.zhibu.member.internal;

import cn.zhibu.member.ArchiveStatus;
import cn.zhibu.member.StatusChangeKind;

import java.time.LocalDate;

/** A record out of the registry: the member row as it was (its status the one held last), and why and since when. */
public record ArchivedRow(MemberRow row, ArchiveStatus status, StatusChangeKind kind, LocalDate archivedOn) {
}
