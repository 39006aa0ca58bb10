package cn.zhibu.member;

import java.time.LocalDate;

public record InflowForm(String name, String homeOrg, LocalDate arrivedOn, String contact, String certificateNo) {
}
