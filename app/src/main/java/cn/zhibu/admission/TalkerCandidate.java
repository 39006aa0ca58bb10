package cn.zhibu.admission;

/**
 * Someone the first talk (step 2) may be given to: a member of the branch or of its committee.
 *
 * @param position  the committee seat held ("书记", "组织委员" …), null for a member without one
 * @param d3        holds a seat D3 names (书记, 副书记, 组织委员)
 */
public record TalkerCandidate(long memberId, String name, String position, boolean d3) {

    public String label() {
        return position == null ? name : name + "（" + position + "）";
    }
}
