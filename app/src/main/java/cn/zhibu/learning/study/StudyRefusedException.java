package cn.zhibu.learning.study;

/** A beat or an end the session cannot accept: answered 409 with the reason, and nothing is credited. */
public class StudyRefusedException extends RuntimeException {

    private final StudyRefusal reason;

    public StudyRefusedException(StudyRefusal reason) {
        super(reason.message());
        this.reason = reason;
    }

    public StudyRefusal reason() {
        return reason;
    }
}
