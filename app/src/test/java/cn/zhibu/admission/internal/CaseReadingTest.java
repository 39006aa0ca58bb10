package cn.zhibu.admission.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reading a subtree's cases get, at the edges of "few cases in few organizations". */
class CaseReadingTest {

    @Test
    void few_cases_in_few_organizations_are_read_organization_by_organization() {
        assertThat(AdmissionRecords.readByOrganization(5_000, 10_000)).isTrue();
        assertThat(AdmissionRecords.readByOrganization(0, 1)).isTrue();
    }

    @Test
    void many_cases_or_many_organizations_are_walked() {
        assertThat(AdmissionRecords.readByOrganization(5_001, 10)).as("a city's open cases").isFalse();
        // a stage without cases at the province: 306,000 organizations looked up one by one took over a second
        assertThat(AdmissionRecords.readByOrganization(0, 10_001)).isFalse();
    }
}
