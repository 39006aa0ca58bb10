/**
 * How {@link cn.zhibu.platform.BackgroundJobs} keeps jobs: rows and file chunks in PostgreSQL, executions in
 * db-scheduler's table, a work directory for local copies. Other modules use the platform's API, not this package.
 */
package cn.zhibu.platform.jobs;
