package cn.zhibu.life;

/**
 * Told of every change to a meeting that compliance reads (status, kinds, day held, organization, attendance), inside
 * the writing transaction, so the roll-ups change with the meeting or not at all. Every part of the module that
 * changes a meeting calls every such bean.
 */
public interface MeetingChangeListener {

    /**
     * @param before the facts before the change, or null for a new meeting
     * @param after  the facts after it, or null for a meeting removed
     */
    void changed(MeetingFacts before, MeetingFacts after);
}
