package cn.zhibu.platform.db;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Values read once per read-only transaction: the inbox asks every module's source, and each source looked up the
 * same organization again (14 times per inbox). Inside a read-only transaction the answer is kept until the
 * transaction ends; outside one, or in a transaction that writes, every call reads afresh — a write may have changed
 * the row since.
 */
public final class ReadOnlyMemo<K, V> {

    private final Object resourceKey = new Object();

    /** The value for {@code key}, loaded at most once in the current read-only transaction. */
    public V get(K key, Function<K, V> load) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return load.apply(key);
        }
        Map<K, V> values = values();
        V value = values.get(key);
        if (value == null) {
            value = load.apply(key);
            values.put(key, value);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> values() {
        Map<K, V> values = (Map<K, V>) TransactionSynchronizationManager.getResource(resourceKey);
        if (values == null) {
            Map<K, V> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(resourceKey, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(resourceKey, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
                }
            });
            values = created;
        }
        return values;
    }
}
