/**
 * The {@code backup} and {@code restore} commands: the database with its keys and audit checkpoints, in one file
 * (exposed for the application's command dispatch).
 */
@org.springframework.modulith.NamedInterface("backup")
package cn.zhibu.platform.backup;
