package cn.zhibu.support;

import cn.zhibu.member.Education;
import cn.zhibu.member.IdCardNumber;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationForm;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds organizations and members through the real services, with valid, never-repeating 身份证号. */
@Component
public class TestData {

    public static final DataScope SYSTEM = DataScope.system("测试");
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private final OrganizationService organizations;
    private final MemberService members;

    public TestData(OrganizationService organizations, MemberService members) {
        this.organizations = organizations;
        this.members = members;
    }

    /** A valid, unused ID number for someone born on {@code birth}; odd sequence digit for men. */
    public static String idNumber(LocalDate birth, boolean male) {
        int n = SEQUENCE.incrementAndGet();
        String region = String.format("44%04d", 100 + (n / 500) % 9000);
        int seq = (n % 500) * 2 + (male ? 1 : 0);
        String first17 = region + birth.toString().replace("-", "") + String.format("%03d", seq % 1000);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    public Organization org(Long parentId, String name, OrganizationType type) {
        return organizations.create(SYSTEM, new OrganizationForm(parentId, name, null, type,
                OrganizationCategory.GOVERNMENT, null, null, null, 0));
    }

    public Organization committee(String name) {
        return org(null, name, OrganizationType.BASE_COMMITTEE);
    }

    public static MemberForm form(long orgId, String name, boolean male, LocalDate birth, MemberStatus status) {
        LocalDate joined = birth.plusYears(25);
        return new MemberForm(orgId, name, male ? cn.zhibu.member.Gender.MALE : cn.zhibu.member.Gender.FEMALE, "汉族",
                birth, idNumber(birth, male), "13800138000", Education.BACHELOR, Occupation.CIVIL_SERVANT, status,
                joined, status == MemberStatus.FULL ? joined.plusYears(1) : null, "科员", "测试单位");
    }

    public Member member(long orgId, String name, MemberStatus status) {
        return members.create(SYSTEM, form(orgId, name, name.hashCode() % 2 == 0, LocalDate.of(1985, 3, 15),
                status));
    }
}
