/**
 * 首页 / 我的待办: the first page of every user. It collects the items every module contributes through
 * {@link cn.zhibu.platform.inbox.InboxSource} (it knows no module), sorts them most urgent first, groups them by the
 * organizations below the one viewed, and pages them; the navigation shows the count of what the caller must do.
 */
package cn.zhibu.inbox;
