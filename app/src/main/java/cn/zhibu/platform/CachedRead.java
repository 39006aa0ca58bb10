package cn.zhibu.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API read whose answer depends only on the caller, the URI, the organization data in the caller's scope
 * and the day: the platform may answer it from its read cache, and answers a client's {@code If-None-Match} with 304
 * while no change has reached the caller's scope ({@link DataChanges}). Do not put it on a read that writes (an
 * audited view), streams a file, or depends on anything else (the clock within the day, a random draw).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CachedRead {
}
