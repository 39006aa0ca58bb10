/**
 * Database plumbing: the embedded PostgreSQL, and bulk loading by COPY, which the province generator and roster
 * imports share (exposed to other modules for that).
 */
@org.springframework.modulith.NamedInterface("db")
package cn.zhibu.platform.db;
