package cn.zhibu.life;

import cn.zhibu.member.Member;
import cn.zhibu.organization.Organization;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;

import java.util.List;

/** Callers of the meeting services in tests: a member (党员 self-service) and an organization's secretary. */
final class LifeScopes {

    private LifeScopes() {
    }

    static DataScope memberScope(Member m) {
        return new DataScope(-100 - m.id(), m.name(), false, List.of(), List.of(), m.id(), new TreePath(m.orgPath()),
                false);
    }

    /** The 书记 of the organization, who is also the given member (or no member when null). */
    static DataScope secretaryScope(Organization org, Member self) {
        return new DataScope(-200 - org.id(), "书记", false, List.of(), List.of(org.path()),
                self == null ? null : self.id(), self == null ? null : new TreePath(self.orgPath()), false);
    }
}
