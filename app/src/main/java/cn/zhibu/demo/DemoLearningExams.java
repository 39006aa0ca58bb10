package cn.zhibu.demo;

import cn.zhibu.learning.exam.Exam;
import cn.zhibu.learning.exam.ExamDraft;
import cn.zhibu.learning.exam.ExamRule;
import cn.zhibu.learning.exam.Exams;
import cn.zhibu.learning.exam.QuestionBank;
import cn.zhibu.learning.exam.QuestionBanks;
import cn.zhibu.learning.exam.QuestionDraft;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.PlatformClock;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The exams of the demo: a question bank of the working committee (党章、党史、党规), an exam open now for the demo
 * member's branch (20 minutes, two attempts, pass at 60 of 80), and a daily quiz of the whole tree.
 */
final class DemoLearningExams {

    /** The exams part's services the demo writes through. */
    @Component
    record Services(QuestionBanks banks, Exams exams) {
    }

    private final Services services;
    private final DataScope scope;

    DemoLearningExams(Services services, DataScope scope) {
        this.services = services;
        this.scope = scope;
    }

    void load(PlacedOrg root) {
        QuestionBank bank = services.banks().create(scope, root.org().id(), "党章党规党史题库", "市直机关工委组织的学习考试题库");
        for (QuestionDraft q : questions()) {
            services.banks().add(scope, bank.id(), q);
        }
        LocalDateTime now = LocalDateTime.now(PlatformClock.ZONE).withSecond(0).withNano(0);
        PlacedOrg branch = root.find(DemoAccounts.SECRETARY_BRANCH);
        Exam exam = services.exams().create(scope, new ExamDraft(branch.org().id(), false, "党章党规知识测试",
                "请在截止前完成，限时20分钟，可作答两次，取最高分。", false, now.minusDays(1), now.plusDays(14), 20, 2, 60,
                false, false, List.of(new ExamRule(bank.id(), "党章", QuestionKind.SINGLE, 3, 10),
                new ExamRule(bank.id(), null, QuestionKind.MULTIPLE, 2, 10),
                new ExamRule(bank.id(), null, QuestionKind.TRUE_FALSE, 2, 10),
                new ExamRule(bank.id(), "党史", QuestionKind.FILL, 1, 10))));
        services.exams().publish(scope, exam.id());
        Exam quiz = services.exams().create(scope, new ExamDraft(root.org().id(), true, "每日一练", null, false,
                now.minusDays(1), now.plusMonths(6), null, null, 0, false, false,
                List.of(new ExamRule(bank.id(), null, null, 3, 1))));
        services.exams().publish(scope, quiz.id());
    }

    private static List<QuestionDraft> questions() {
        List<String> abc = List.of();
        return List.of(
                single("党的最高领导机关是", List.of("党的全国代表大会和它所产生的中央委员会", "中央政治局", "中央书记处", "中央军事委员会"), "A"),
                single("预备党员的预备期为", List.of("半年", "一年", "两年", "三年"), "B"),
                single("党员因特殊原因不能参加党组织生活，须", List.of("无须说明", "向党组织请假", "事后补写心得", "由他人代签"), "B"),
                single("党支部党员大会一般每季度召开", List.of("一次", "两次", "三次", "每月一次"), "A"),
                new QuestionDraft(QuestionKind.MULTIPLE, "党章", "“三会一课”包括", List.of("支部党员大会", "支部委员会",
                        "党小组会", "按时上好党课", "年终总结会"), "ABCD", "《中国共产党支部工作条例（试行）》", 2),
                new QuestionDraft(QuestionKind.MULTIPLE, "党规", "党的纪律包括", List.of("政治纪律", "组织纪律", "廉洁纪律",
                        "群众纪律", "工作纪律", "生活纪律"), "ABCDEF", "《中国共产党纪律处分条例》的六项纪律", 2),
                new QuestionDraft(QuestionKind.MULTIPLE, "党史", "以下属于党的一大代表的有", List.of("毛泽东", "董必武",
                        "陈独秀", "李达"), "ABD", "陈独秀未出席一大", 2),
                new QuestionDraft(QuestionKind.TRUE_FALSE, "党章", "党员有权参加党的有关会议，阅读党的有关文件。", abc, "正确", null, 1),
                new QuestionDraft(QuestionKind.TRUE_FALSE, "党规", "党员连续六个月不交纳党费，且没有正当理由，就被认为是自行脱党。", abc,
                        "正确", "党章第九条", 1),
                new QuestionDraft(QuestionKind.TRUE_FALSE, "党章", "党员可以不参加党的组织生活。", abc, "错误", null, 1),
                new QuestionDraft(QuestionKind.FILL, "党史", "中国共产党第一次全国代表大会召开于____年。", abc, "1921|一九二一",
                        null, 1),
                new QuestionDraft(QuestionKind.FILL, "党史", "遵义会议召开于____年。", abc, "1935|一九三五", null, 1));
    }

    private static QuestionDraft single(String stem, List<String> options, String answer) {
        return new QuestionDraft(QuestionKind.SINGLE, "党章", stem, options, answer, null, 1);
    }
}
