package cn.zhibu.member;

/** The paper 介绍信 a member arrives with from an organization off the platform. */
public record InboundLetter(String fromOrg, String letterNo) {
}
