/**
 * The inbox (首页 / 我的待办): what is due for the signed-in user, contributed by every module through one interface.
 *
 * <h2>Contributing items</h2>
 * A module that has something due for a user declares a Spring bean implementing {@link InboxSource}. The inbox page
 * and {@code GET /api/v1/inbox} collect every such bean; no module knows the inbox page, the inbox knows no module.
 * <pre>{@code
 * @Component
 * class DuesInboxItems implements InboxSource {
 *     public List<InboxItem> items(InboxQuery query) {
 *         if (query.subtree() == null) {            // a plain member: what is asked of them
 *             return dues.unpaidBy(query.scope().selfMemberId()).stream().map(...).toList();
 *         }
 *         return dues.arrears(query.scope(), query.subtree(), query.limit()).stream()  // scoped, bounded
 *                 .map(a -> InboxItem.of("党费", "欠缴党费" + a.months() + "个月", a.name())
 *                         .at(a.orgId(), a.orgName(), a.orgPath()).due(a.since(), query.today())
 *                         .rule("F8").link("/dues/" + a.id()).mine(query.holdsRoleAt(a.orgPath())).build())
 *                 .toList();
 *     }
 * }
 * }</pre>
 * Rules for a source:
 * <ul>
 *   <li>Read through the caller's {@link cn.zhibu.platform.DataScope} ({@link InboxQuery#scope()}) and only within
 *       {@link InboxQuery#subtree()}; when that is null the caller looks as a member (their own record, notices
 *       addressed to them).</li>
 *   <li>Return at most {@link InboxQuery#limit()} items, most urgent first, from an index or a roll-up: the inbox is
 *       the first page of every user, the province's included (5 M members, p95 ≤ 50 ms). Returning exactly the
 *       limit tells the inbox that there may be more (its counts then read "at least").</li>
 *   <li>Say whether the caller must act ({@link InboxItem#mine()}, 需我办理) or only watches (a committee over its
 *       branches' deadlines); with {@link InboxQuery#mineOnly()} return only the former.</li>
 *   <li>Cite the rule where one applies: {@link InboxItem.Builder#rule(String)} takes the RULES.md id and finds the
 *       article in {@link RuleArticles}.</li>
 * </ul>
 */
@org.springframework.modulith.NamedInterface("inbox")
package cn.zhibu.platform.inbox;
