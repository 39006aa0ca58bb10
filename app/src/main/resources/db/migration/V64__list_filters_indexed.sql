-- Lists filtered by something rare walked the whole subtree to find nothing (measured at 5 M members, a province's
-- 806,000 meetings and 333,000 发展党员 cases, tried by hand through the API): each filter gets the small index that
-- finds its rows first. The planner starts from it only when its rows are few.

-- 会议列表 with 状态 已取消: 380 ms at the province (no cancelled meeting: every meeting was read). Cancelling is rare.
create index life_meeting_cancelled on life_meeting (held_on, starts_at, id) include (org_path)
    where status = 'CANCELLED';

-- 会议列表 with a 类型 few meetings have (谈心谈话 at the province, 129 ms; 民主评议 at a city, 106 ms).
create index life_meeting_kind_by_kind on life_meeting_kind (kind, meeting_id);

-- 发展党员 cases by 姓名 (a prefix, "c.name like '王芳%'"): a city's search read its cases in pipeline order, 193 ms.
create index admission_case_name on admission_case (name text_pattern_ops, id);
