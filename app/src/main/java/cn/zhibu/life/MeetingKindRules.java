package cn.zhibu.life;

import cn.zhibu.organization.OrganizationType;

import java.util.Arrays;
import java.util.List;

/**
 * Which organization may hold which kind of meeting (RULES.md B6–B11): a kind applies only where it can — 支委会 only
 * in a branch with a committee, 党小组会 only in a 党小组 — and 谈心谈话 is recorded as talks, not as a meeting.
 */
public final class MeetingKindRules {

    private MeetingKindRules() {
    }

    /**
     * Why {@code kind} cannot be held by the organization, in Chinese citing the rule; null when it can.
     *
     * @param committeeSeated the organization has a current committee with at least one member seated
     */
    public static String problem(MeetingKind kind, OrganizationType type, boolean committeeSeated, String orgName) {
        String is = "“" + orgName + "”是" + type.label();
        return switch (kind) {
            // B6, B10, B11: the branch is the unit of these
            case GENERAL_ASSEMBLY -> type.isBranch() ? null : "支部党员大会由党支部（含联合党支部、临时党支部）召开（B6），" + is;
            case THEME_DAY -> type.isBranch() ? null : "主题党日以党支部为单位开展（B10），" + is;
            case LIFE_MEETING -> type.isBranch() ? null : "组织生活会以党支部为单位召开（B11），" + is;
            case APPRAISAL -> type.isBranch() ? null : "民主评议党员以党支部为单位进行（B11），" + is;
            // B7 (B4: a branch of fewer than 7 正式党员 has a 书记, no 支委会)
            case COMMITTEE -> !type.isBranch() ? "支委会由设有支部委员会的党支部召开（B7），" + is
                    : committeeSeated ? null
                    : "“" + orgName + "”没有本届支部委员会或委员尚未到位，不能召开支委会（B7；不足7名正式党员的支部只设书记，B4）";
            case GROUP -> type == OrganizationType.GROUP ? null : "党小组会由党小组召开（B8），" + is + "，请在其党小组下安排";
            // B9: the 党委（党组）书记's lecture, and each branch's (the quarterly rule is local)
            case LECTURE -> type.isCommittee() || type.isBranch() ? null : "党课由党委或党支部组织（B9），" + is;
            case HEART_TALK -> "谈心谈话按谈话记录登记（B11），不作为会议安排";
        };
    }

    /** The kinds the organization may hold, in the order of {@link MeetingKind}. */
    public static List<MeetingKind> allowed(OrganizationType type, boolean committeeSeated) {
        return Arrays.stream(MeetingKind.values()).filter(k -> problem(k, type, committeeSeated, "") == null).toList();
    }
}
