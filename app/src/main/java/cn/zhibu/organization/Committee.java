package cn.zhibu.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The current committee (支委会/党委) of an organization: its term and seats. */
public record Committee(long orgId, Long termId, LocalDate termStart, LocalDate termEnd, List<CommitteeSeat> seats) {

    public static Committee none(long orgId) {
        return new Committee(orgId, null, null, null, List.of());
    }

    public boolean exists() {
        return termId != null;
    }

    public Optional<CommitteeSeat> secretary() {
        return seats.stream().filter(s -> s.position() == CommitteePosition.SECRETARY).findFirst();
    }
}
