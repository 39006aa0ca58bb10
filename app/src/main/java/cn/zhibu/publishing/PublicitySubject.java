package cn.zhibu.publishing;

import cn.zhibu.platform.DataScope;

import java.util.Optional;

/**
 * A kind of record a 公示 may be about ({@code subjectType}), contributed by the module that owns such records (the
 * admission module's cases). A 公示 names a subject only of a known type, that exists, that the publisher manages,
 * and that belongs to the publishing organization or one below it.
 */
public interface PublicitySubject {

    /** The {@code subjectType} code, e.g. {@code admission_case}. */
    String type();

    /**
     * The organization path of the record, when it exists and lies within the caller's managed scope; empty
     * otherwise — the same answer for both, so that publishing cannot tell which ids exist elsewhere.
     */
    Optional<String> orgPathInScope(DataScope scope, long id);
}
