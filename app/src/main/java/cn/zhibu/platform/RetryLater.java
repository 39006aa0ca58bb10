package cn.zhibu.platform;

import java.time.Duration;

/** A refusal that lifts by itself: the API answers 429 with {@code Retry-After} (seconds, at least 1). */
public interface RetryLater {

    Duration retryAfter();
}
