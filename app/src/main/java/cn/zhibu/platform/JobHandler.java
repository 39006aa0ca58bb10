package cn.zhibu.platform;

/**
 * A kind of background job a module runs (a bean). {@link BackgroundJobs#submit} queues a job of this kind; whichever
 * node picks it up calls {@link #run} with the submitter's scope, and stores the outcome it returns.
 *
 * @param <D> the module's record of one job (stored as JSON: a record of plain values)
 */
public interface JobHandler<D> {

    /** The name jobs of this kind are stored under, e.g. {@code member-import}. */
    String kind();

    Class<D> detailType();

    /**
     * Does the work. An exception fails the job: an {@link InvalidInputException} with its messages, anything else
     * with a general message (the cause goes to the log, never to the user).
     */
    JobRun.Outcome<D> run(JobRun<D> run) throws Exception;
}
