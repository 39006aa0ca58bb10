package cn.zhibu.platform;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Tells {@link DataChanges} when a transaction begins and how it ends. Spring Boot registers every such listener
 * with the transaction manager; the callbacks come for new transactions only (a joining one is part of its outer).
 */
@Component
class WriteTransactionListener implements TransactionExecutionListener {

    private final DataChanges changes;

    WriteTransactionListener(DataChanges changes) {
        this.changes = changes;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        if (beginFailure == null) {
            changes.began(transaction, transaction.getTransactionName(), transaction.isReadOnly());
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        // a failed commit may still have written (the failure can come after the database committed): count it
        changes.ended(transaction, true);
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
        changes.ended(transaction, false);
    }
}
