package cn.zhibu.platform.audit;

import cn.zhibu.platform.AuditFilter;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.TreePath;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log as its readers see it (the page, the API, the export): only for system and organization
 * administrators, only the entries of the organizations in the caller's scope, in Chinese, filtered.
 */
@Service
public class AuditReading {

    public static final int PAGE_SIZE = 50;
    private final AuditLog audit;
    private final AuditVocabularies vocabularies;
    private final int maxExport;

    /**
     * @param maxExport the most entries one export holds (10,000: a few seconds and a few MB); more is refused with a
     *                  request to narrow the filter, so no export needs a background job
     */
    AuditReading(AuditLog audit, AuditVocabularies vocabularies,
                 @Value("${zhibu.audit.export-max-rows:10000}") int maxExport) {
        this.audit = audit;
        this.vocabularies = vocabularies;
        this.maxExport = maxExport;
    }

    public int maxExport() {
        return maxExport;
    }

    /** One page of entries and how many pass the filter. */
    public record AuditPage(List<AuditEntryView> items, long total, int page, int size) {
    }

    public AuditPage page(DataScope scope, AuditFilter filter, int page) {
        requireReader(scope);
        AuditFilter checked = filter.checked();
        Paging.of(page, PAGE_SIZE);
        List<AuditEntryView> items = vocabularies.describe(scope, audit.search(scope, checked, page, PAGE_SIZE));
        return new AuditPage(items, audit.count(scope, checked), page, PAGE_SIZE);
    }

    public long count(DataScope scope, AuditFilter filter) {
        requireReader(scope);
        return audit.count(scope, filter.checked());
    }

    /**
     * The filtered entries as a workbook, at most {@link #maxExport()} (more is a 400 asking to narrow the filter). The
     * export is itself audited, with the filter, in the caller's scope.
     */
    @Transactional
    public byte[] export(DataScope scope, AuditFilter filter) {
        requireReader(scope);
        AuditFilter checked = filter.checked();
        long total = audit.count(scope, checked);
        if (total > maxExport) {
            throw InvalidInputException.of("", tooMany(total));
        }
        byte[] file = AuditExport.xlsx(vocabularies.describe(scope, audit.all(scope, checked, maxExport)));
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("rows", total);
        what.put("filter", describe(checked));
        audit.record(scope, PlatformAuditAction.AUDIT_EXPORTED, PlatformAuditVocabulary.AUDIT_EXPORT, null,
                commonPath(scope), null, what);
        return file;
    }

    String tooMany(long total) {
        return "筛选出 " + total + " 条记录，超过单次导出上限 " + maxExport + " 条：请缩小日期范围或增加筛选条件后分批导出";
    }

    /** Action code → Chinese, every declared action. */
    public Map<String, String> actions() {
        return vocabularies.actions();
    }

    /** The declared actions grouped by the part of their code before the dot (党员, 发展党员 …), for a select. */
    public Map<String, Map<String, String>> actionGroups() {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        vocabularies.actions().forEach((code, label) -> groups
                .computeIfAbsent(code.contains(".") ? code.substring(0, code.indexOf('.')) : code, g -> new LinkedHashMap<>())
                .put(code, label));
        return groups;
    }

    /** Kind of record → Chinese. */
    public Map<String, String> subjects() {
        return vocabularies.subjects();
    }

    /** The filter in Chinese, for the export's own audit entry. */
    String describe(AuditFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.entityType() != null) {
            parts.add("对象类型：" + vocabularies.subjects().getOrDefault(f.entityType(), f.entityType()));
        }
        if (f.action() != null) {
            parts.add("操作：" + vocabularies.actionLabel(f.action()));
        }
        if (f.actorId() != null) {
            parts.add("操作人编号：" + f.actorId());
        }
        if (f.actor() != null) {
            parts.add("操作人：" + f.actor());
        }
        if (f.from() != null || f.to() != null) {
            parts.add("日期：" + (f.from() == null ? "不限" : f.from()) + " 至 " + (f.to() == null ? "不限" : f.to()));
        }
        return parts.isEmpty() ? "全部" : String.join("；", parts);
    }

    /** Where an entry about the caller's whole scope belongs: the deepest path above all their subtrees (null: all). */
    static String commonPath(DataScope scope) {
        if (scope.all() || scope.orgAdminPaths().isEmpty()) {
            return null;
        }
        List<Long> common = new ArrayList<>(scope.orgAdminPaths().get(0).ids());
        for (TreePath p : scope.orgAdminPaths()) {
            List<Long> ids = p.ids();
            int n = 0;
            while (n < common.size() && n < ids.size() && common.get(n).equals(ids.get(n))) {
                n++;
            }
            common = new ArrayList<>(common.subList(0, n));
        }
        if (common.isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder("/");
        common.forEach(id -> path.append(id).append('/'));
        return path.toString();
    }

    public static void requireReader(DataScope scope) {
        if (!scope.all() && scope.orgAdminPaths().isEmpty()) {
            throw new ForbiddenException("只有系统管理员和组织管理员可以查看审计日志");
        }
    }
}
