package cn.zhibu.platform.inbox;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing due: what ({@code title}, with {@code detail}), for whom ({@code subject}: a person or an organization),
 * by when ({@code date}: a deadline, or with {@code earliest} the first day it may be done), the rule and article,
 * a one-click {@code link} to do it, the organization it belongs to, and whether the caller must act ({@code mine},
 * 需我办理) or only watches.
 *
 * @param kind   what sort of item, in Chinese (发展党员, 组织关系转接, 规则提醒 …): the inbox groups and labels by it
 * @param rule   the RULES.md id (D3, R4 …), or null
 * @param article the regulation and article of that rule, or null
 */
public record InboxItem(String kind, String title, String detail, String subject, long orgId, String orgName,
                        String orgPath, LocalDate date, boolean earliest, boolean overdue, String rule, String article,
                        String link, boolean mine) {

    public InboxItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
    }

    /** Most urgent first: overdue, then by date (undated last), what the caller must do before what they watch. */
    public static final Comparator<InboxItem> URGENCY = Comparator.comparing((InboxItem i) -> !i.overdue())
            .thenComparing(InboxItem::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> !i.mine())
            .thenComparing(InboxItem::kind).thenComparing(InboxItem::title);

    public static Builder of(String kind, String title, String subject) {
        return new Builder(kind, title, subject);
    }

    /** Builds an item field by field, so a source names what it sets. */
    public static final class Builder {
        private final String kind;
        private final String title;
        private final String subject;
        private String detail;
        private long orgId;
        private String orgName;
        private String orgPath;
        private LocalDate date;
        private boolean earliest;
        private boolean overdue;
        private String rule;
        private String article;
        private String link;
        private boolean mine;

        private Builder(String kind, String title, String subject) {
            this.kind = kind;
            this.title = title;
            this.subject = subject;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder at(long orgId, String orgName, String orgPath) {
            this.orgId = orgId;
            this.orgName = orgName;
            this.orgPath = orgPath;
            return this;
        }

        /** A deadline: overdue once {@code today} is past it. */
        public Builder due(LocalDate date, LocalDate today) {
            this.date = date;
            this.earliest = false;
            this.overdue = date != null && today.isAfter(date);
            return this;
        }

        /** The first day the step may be taken (never overdue). */
        public Builder from(LocalDate date) {
            this.date = date;
            this.earliest = true;
            this.overdue = false;
            return this;
        }

        /** Overdue whatever the date says (a rule already broken). */
        public Builder overdue(boolean overdue) {
            this.overdue = overdue;
            return this;
        }

        /** The RULES.md id (or a rule text starting with it); the article comes from {@link RuleArticles}. */
        public Builder rule(String rule) {
            this.rule = RuleArticles.id(rule);
            this.article = RuleArticles.of(rule);
            return this;
        }

        public Builder link(String link) {
            this.link = link;
            return this;
        }

        public Builder mine(boolean mine) {
            this.mine = mine;
            return this;
        }

        public InboxItem build() {
            return new InboxItem(kind, title, detail, subject, orgId, orgName, orgPath, date, earliest, overdue, rule,
                    article, link, mine);
        }
    }
}
