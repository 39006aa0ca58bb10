package cn.zhibu.member;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;

import java.time.LocalDate;

public record InflowForm(@NameText("姓名") String name, @NameText("原党组织") String homeOrg,
                         @SensibleDate("流入日期") LocalDate arrivedOn,
                         @ShortText("联系方式") String contact, @ShortText("活动证编号") String certificateNo) {
}
