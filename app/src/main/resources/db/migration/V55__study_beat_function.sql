-- The study heartbeat's one statement (StudyRows.beat), as a function: the busiest write of the platform. Planned
-- afresh (the pool's force_custom_plan, which subtree reads need) it took 0.56 ms to plan for 0.11 ms to run; asking
-- for a reusable plan with SET LOCAL cost a statement and a round trip of its own per beat. The function's SET clause
-- makes the plan of its body once per connection and lasts only while the function runs; the caller's statement
-- (select * from study_beat(...)) is trivial to plan. The rules are unchanged — see StudyRows.beat for what it does.
create function study_beat(p_session bigint, p_member bigint, p_token text, p_next text, p_now timestamptz,
                           p_day date, p_expired_before timestamptz, p_early integer, p_visible boolean,
                           p_cap integer, p_daily_cap integer, p_position integer)
    returns table (credit integer, course_credited integer, credit_seconds integer, completed boolean,
                   completed_now boolean, daily_remaining integer, course_id bigint, title character varying,
                   hours numeric, required boolean)
    language plpgsql
    set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
begin
    -- for the rest of the transaction, not only this function: a crash may lose the last beat's seconds
    perform set_config('synchronous_commit', 'off', true);
    return query
        with cur as (
            select s.id, s.course_id, c.credit_seconds, c.media_seconds, c.title, c.hours, c.required,
                   p.credited_seconds as course_credited, p.completed_at,
                   coalesce(d.credited_seconds, 0) as day_credited,
                   extract(epoch from (p_now - s.last_beat_at)) as elapsed
            from study_session s
            join course c on c.id = s.course_id
            join course_progress p on p.member_id = s.member_id and p.course_id = s.course_id
            left join study_day d on d.member_id = s.member_id and d.day = p_day
            where s.id = p_session and s.member_id = p_member and s.ended_at is null
              and s.token_hash = p_token and s.last_beat_at > p_expired_before
        ),
        calc as (
            select cur.*, elapsed < p_early as early,
                   case when elapsed < p_early or not p_visible then 0
                        else greatest(0, least(floor(elapsed)::int, p_cap, cur.credit_seconds - cur.course_credited,
                                               p_daily_cap - cur.day_credited)) end as credit
            from cur
        ),
        ses as (
            update study_session s
            set token_hash = p_next,
                last_beat_at = case when calc.early then s.last_beat_at else p_now end,
                beats = s.beats + 1,
                credited_seconds = s.credited_seconds + calc.credit
            from calc
            where s.id = calc.id and s.token_hash = p_token and s.ended_at is null
            returning s.id
        ),
        prog as (
            update course_progress p
            set credited_seconds = p.credited_seconds + calc.credit,
                position_seconds = least(p_position, coalesce(calc.media_seconds, p_position)),
                updated_at = p_now,
                completed_at = case when p.completed_at is null
                                     and p.credited_seconds + calc.credit >= calc.credit_seconds
                                    then p_now else p.completed_at end
            from calc join ses on ses.id = calc.id
            where p.member_id = p_member and p.course_id = calc.course_id
            returning p.credited_seconds, p.completed_at is not null as completed,
                      calc.completed_at is null and p.completed_at is not null as completed_now
        ),
        day as (
            insert into study_day (member_id, day, credited_seconds)
            select p_member, p_day, calc.credit from calc join ses on ses.id = calc.id
            where calc.credit > 0
            on conflict (member_id, day)
            do update set credited_seconds = study_day.credited_seconds + excluded.credited_seconds
            returning 1
        )
        select calc.credit, prog.credited_seconds, calc.credit_seconds, prog.completed, prog.completed_now,
               p_daily_cap - calc.day_credited - calc.credit, calc.course_id, calc.title, calc.hours, calc.required
        from calc join ses on ses.id = calc.id cross join prog;
end
$$;
