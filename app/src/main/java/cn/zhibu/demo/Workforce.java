package cn.zhibu.demo;

import cn.zhibu.member.Education;
import cn.zhibu.member.Occupation;

/**
 * Who works in a demo unit: their main occupation, job titles by age, and education mix. Keeps a 疾控 laboratory
 * from being staffed with 主任科员 and a 处室 with 研究员.
 */
enum Workforce {
    CIVIL_SERVANTS(Occupation.CIVIL_SERVANT, 0.93, "处长", new int[]{32, 58, 9, 1, 0, 0},
            "一级科员|科员", "四级主任科员|三级主任科员|二级主任科员|副主任科员",
            "一级主任科员|二级主任科员|四级调研员|副处长", "四级调研员|三级调研员|二级调研员|一级调研员"),
    ADMINISTRATORS(Occupation.MANAGER, 0.85, "主任", new int[]{25, 60, 15, 0, 0, 0},
            "科员|办事员", "科员|副科长", "科长|副科长", "科长|副主任"),
    RESEARCHERS(Occupation.PROFESSIONAL, 0.8, "主任", new int[]{65, 32, 3, 0, 0, 0},
            "研究实习员|助理研究员", "助理研究员|副研究员", "副研究员|研究员", "研究员|副研究员"),
    DOCTORS(Occupation.PROFESSIONAL, 0.8, "所长", new int[]{50, 45, 5, 0, 0, 0},
            "医师|技师", "主管医师|主管技师", "副主任医师|副主任技师", "主任医师|主任技师"),
    ENGINEERS(Occupation.PROFESSIONAL, 0.8, "主任", new int[]{35, 55, 10, 0, 0, 0},
            "助理工程师|工程师", "工程师", "高级工程师|工程师", "正高级工程师|高级工程师"),
    RETIREES(Occupation.RETIRED, 1.0, "退休干部", new int[]{3, 30, 35, 12, 15, 5},
            "退休干部", "退休干部", "退休干部", "退休干部");

    /** Education weights for 工勤 staff, in {@link Education} order. */
    static final int[] WORKER_EDUCATION = {0, 5, 45, 20, 30, 0};
    static final String[] WORKER_TITLES = {"驾驶员", "工勤技能人员", "技师", "后勤服务人员"};
    static final String[] MANAGER_TITLES_BY_AGE = {"科员", "副科长", "科长", "办公室主任"};

    private final Occupation main;
    private final double mainShare;
    private final String leaderTitle;
    private final int[] education;
    private final String[][] titlesByAgeBand;

    Workforce(Occupation main, double mainShare, String leaderTitle, int[] education, String... titlesByAgeBand) {
        this.main = main;
        this.mainShare = mainShare;
        this.leaderTitle = leaderTitle;
        this.education = education;
        this.titlesByAgeBand = new String[titlesByAgeBand.length][];
        for (int i = 0; i < titlesByAgeBand.length; i++) {
            this.titlesByAgeBand[i] = titlesByAgeBand[i].split("\\|");
        }
    }

    Occupation main() {
        return main;
    }

    /** Share of staff in the main occupation; the rest are managers or 工勤 staff. */
    double mainShare() {
        return mainShare;
    }

    String leaderTitle() {
        return leaderTitle;
    }

    int[] education() {
        return education;
    }

    /** Titles for someone of this age: under 30, 30s, 40s, 50 and over. */
    String[] titlesAt(int age) {
        return titlesByAgeBand[ageBand(age)];
    }

    static int ageBand(int age) {
        return age < 30 ? 0 : age < 40 ? 1 : age < 50 ? 2 : 3;
    }
}
