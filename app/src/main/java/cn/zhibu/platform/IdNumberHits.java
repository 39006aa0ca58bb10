package cn.zhibu.platform;

import java.util.List;

/**
 * What a caller is told when a 身份证号 they entered already belongs to a record (a member, an archived member, an
 * open 发展党员 case) — one policy for every module, so that the check cannot be used to find out whether a number
 * is registered somewhere on the platform:
 * <ul>
 *     <li>a record within the caller's managed scope is named as it is ({@link Holder#inScopeMessage()}): the caller
 *     may read it anyway;</li>
 *     <li>a record elsewhere gets only the operation's generic text, never its status, stage, organization or name;</li>
 *     <li>every hit is written to the audit log ({@value #ACTION}) under the record's organization, so its managers
 *     and the system administrators see who looked for the number, and the caller does not see the record;</li>
 *     <li>hits elsewhere are limited per user to {@code zhibu.security.duplicate-hits-per-hour} in any rolling
 *     hour; beyond that the answer is {@link RateLimitedException} (429). The count is kept in the database, so
 *     it holds across app nodes. Hits within scope are not counted: they reveal nothing, and re-importing one's own
 *     roster must not lock one out.</li>
 * </ul>
 * Callers look the number up only after everything else in the request is valid: an invalid request never reaches
 * the lookup. The entries and counts are committed even when the request itself is refused.
 */
public interface IdNumberHits {

    String ACTION = "身份证号.重复查询";

    /**
     * A record found holding the number.
     *
     * @param entityType     its audit entity type ({@code member}, {@code admission_case} …)
     * @param orgPath        its organization's path: decides whether the caller may be told what it is
     * @param inScopeMessage what the caller is told when the record is within their scope
     */
    record Holder(String entityType, long entityId, String orgPath, String inScopeMessage) {
    }

    /** A number entered by the caller and the record that holds it. */
    record Probe(String idNumber, Holder holder) {
    }

    /**
     * The answer to one hit of a request.
     *
     * @param elsewhere the operation's generic text for a record outside the caller's scope
     * @throws RateLimitedException when the caller has used up their hits elsewhere for this hour
     */
    String answer(DataScope caller, String operation, Probe probe, String elsewhere);

    /**
     * The answers to the hits of one request (an import), in order.
     *
     * @throws RateLimitedException when the hits elsewhere exceed what the caller has left for this hour; every
     *                              hit is still recorded
     */
    List<String> answerAll(DataScope caller, String operation, List<Probe> probes, String elsewhere);
}
