package cn.zhibu.admission;

import java.util.List;

/**
 * A step checked but not yet recorded: as it would be saved, the rule set it is judged by, the soft rules it breaks,
 * and the names of the members it names (培养联系人, 入党介绍人).
 */
public record StepCheck(StepForm form, RuleSet ruleSet, List<String> warnings, List<String> memberNames) {

    public StepCheck {
        warnings = List.copyOf(warnings);
        memberNames = List.copyOf(memberNames);
    }
}
