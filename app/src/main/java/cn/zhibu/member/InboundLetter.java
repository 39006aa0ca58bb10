package cn.zhibu.member;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.ShortText;
/** The paper 介绍信 a member arrives with from an organization off the platform. */
public record InboundLetter(@NameText("原党组织") String fromOrg, @ShortText("介绍信编号") String letterNo) {
}
