package cn.zhibu.admission;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A reminder is the caller's to act on when their role sits where the step is done: the branch, or above it. */
class ReminderActorTest {

    private static DataScope at(String path) {
        return new DataScope(1, "测试", false, List.of(), List.of(new TreePath(path)), null, null, false);
    }

    @Test
    void the_branch_secretary_acts_on_branch_steps_the_committee_on_its_own() {
        String branch = "/1/5/9/";
        assertThat(AdmissionService.callerActs(at(branch), branch, StepActor.BRANCH)).isTrue();
        assertThat(AdmissionService.callerActs(at(branch), branch, StepActor.APPLICANT)).isTrue();
        assertThat(AdmissionService.callerActs(at(branch), branch, StepActor.HIGHER)).isFalse();
        assertThat(AdmissionService.callerActs(at("/1/5/"), branch, StepActor.HIGHER)).isTrue();
        assertThat(AdmissionService.callerActs(at("/1/5/"), branch, StepActor.BRANCH)).isFalse();
    }
}
