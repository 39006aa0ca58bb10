package cn.zhibu.organization;

/** A person holding a seat on the current committee; {@code memberId} is null for someone not on the roster. */
public record CommitteeSeat(long id, CommitteePosition position, Long memberId, String personName, int sortOrder) {

    public String positionLabel() {
        return position.label();
    }
}
