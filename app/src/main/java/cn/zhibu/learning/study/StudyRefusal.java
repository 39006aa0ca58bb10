package cn.zhibu.learning.study;

/** Why a beat was refused (409): the session is over, or the token is not the session's current one. */
public enum StudyRefusal {
    TAKEN_OVER("已在其他设备上学习，本设备的学习已暂停"),
    FINISHED("本次学习已结束"),
    EXPIRED("长时间未学习，本次学习已结束，请重新开始"),
    STALE_TOKEN("学习凭证无效或已使用（重复或伪造的计时请求不计时），请重新开始学习");

    private final String message;

    StudyRefusal(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
