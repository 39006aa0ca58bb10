package cn.zhibu.learning.study;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.support.StatementCount;
import cn.zhibu.support.TestClock;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import cn.zhibu.support.IntegrationTest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Study time the server vouches for (LEARNING.md "Study time", RULES.md T1), each known attack at its edge, with the
 * application's clock moved instead of sleeping: defaults heartbeat 30 s, early below 20 s, at most 60 s a beat,
 * 8 hours a day. Each test has a member of its own (one active session per member).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyTimeIntegrationTest {

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired StudySessions sessions;
    @Autowired TestClock clock;
    @Autowired TransactionTemplate transactions;

    StudyWorld world;
    int members;

    @BeforeAll
    void world() {
        world = new StudyWorld(data, accounts, jdbc);
    }

    /** Each test beats for minutes of the clock and counts by the day: none starts within an hour of midnight. */
    @BeforeEach
    void awayFromMidnight() {
        clock.clearOfMidnight(Duration.ofHours(1));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private DataScope newMember() {
        Member m = world.member(world.branchA, "t" + (members++));
        return StudyWorld.self(m);
    }

    /** A session on the course and the beat that follows after {@code seconds} of server time. */
    private final class Study {
        final DataScope scope;
        final long session;
        String token;

        Study(DataScope scope, long course) {
            this.scope = scope;
            StudyStarted started = sessions.start(scope, course, "测试设备");
            this.session = started.sessionId();
            this.token = started.token();
        }

        StudyBeat after(int seconds, boolean visible) {
            clock.advance(Duration.ofSeconds(seconds));
            StudyBeat beat = sessions.beat(scope, session, token, visible, 0);
            token = beat.token();
            return beat;
        }
    }

    @Test
    void T1_a_beat_credits_the_server_time_since_the_last_one_at_most_the_cap() {
        Study study = new Study(newMember(), world.article(world.branchA, 3600));
        assertThat(study.after(30, true).credited()).isEqualTo(30);
        assertThat(study.after(60, true).credited()).isEqualTo(60);
        assertThat(study.after(61, true).credited()).as("capped at 60 s").isEqualTo(60);
        StudyBeat afterLong = study.after(1500, true);
        assertThat(afterLong.credited()).isEqualTo(60);
        assertThat(afterLong.courseCredited()).isEqualTo(210);
    }

    @Test
    void T1_an_early_beat_adds_nothing_and_does_not_move_the_clock() {
        Study study = new Study(newMember(), world.article(world.branchA, 3600));
        assertThat(study.after(19, true).credited()).as("19 s: early").isZero();
        assertThat(study.after(1, true).credited()).as("20 s since the last beat that moved the clock").isEqualTo(20);
        assertThat(study.after(10, true).credited()).isZero();
        assertThat(study.after(15, true).credited()).as("25 s since the last accepted").isEqualTo(25);
    }

    @Test
    void T1_a_hidden_tab_earns_nothing_and_its_hidden_time_is_never_credited_later() {
        Study study = new Study(newMember(), world.article(world.branchA, 3600));
        assertThat(study.after(30, false).credited()).isZero();
        assertThat(study.after(60, false).credited()).isZero();
        assertThat(study.after(30, true).credited()).as("only the 30 s since the hidden beat").isEqualTo(30);
        assertThat(study.after(0, true).courseCredited()).isEqualTo(30);
    }

    @Test
    void T1_a_script_firing_beats_fast_earns_nothing() {
        // "fast" must not depend on the machine: 200 beats on a loaded machine can take longer than the early limit
        clock.freeze();
        Study study = new Study(newMember(), world.article(world.branchA, 3600));
        int total = 0;
        for (int i = 0; i < 200; i++) {
            total += study.after(0, true).credited();
        }
        assertThat(total).isZero();
        StudyBeat last = study.after(19, true);
        assertThat(last.credited()).isZero();
        assertThat(last.courseCredited()).isZero();
    }

    @Test
    void T1_a_second_device_takes_over_and_the_first_ones_beats_are_refused() {
        DataScope member = newMember();
        long course = world.article(world.branchA, 3600);
        Study phone = new Study(member, course);
        assertThat(phone.after(30, true).credited()).isEqualTo(30);
        Study laptop = new Study(member, course);
        assertThatThrownBy(() -> phone.after(30, true)).isInstanceOfSatisfying(StudyRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(StudyRefusal.TAKEN_OVER));
        assertThat(laptop.after(0, true).credited()).as("the laptop's clock starts at its start").isEqualTo(30);
        assertThat(laptop.after(0, true).courseCredited()).isEqualTo(60);
    }

    @Test
    void T1_a_replayed_beat_is_refused_and_credits_nothing() {
        Study study = new Study(newMember(), world.article(world.branchA, 3600));
        String used = study.token;
        assertThat(study.after(30, true).credited()).isEqualTo(30);
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(() -> sessions.beat(study.scope, study.session, used, true, 0))
                .isInstanceOfSatisfying(StudyRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(StudyRefusal.STALE_TOKEN));
        assertThat(study.after(0, true).courseCredited()).as("the replay moved nothing").isEqualTo(90);
    }

    @Test
    void T1_a_forged_token_is_refused_and_another_members_session_is_not_found() {
        DataScope member = newMember();
        Study study = new Study(member, world.article(world.branchA, 3600));
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> sessions.beat(member, study.session, "Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbg", true, 0))
                .isInstanceOf(StudyRefusedException.class);
        assertThatThrownBy(() -> sessions.beat(newMember(), study.session, study.token, true, 0))
                .isInstanceOf(NotFoundException.class);
        assertThat(study.after(0, true).credited()).isEqualTo(30);
    }

    @Test
    void T1_a_video_is_credited_at_most_its_length_and_completes_once() {
        DataScope member = newMember();
        long video = world.video(world.branchA, 150);
        Study study = new Study(member, video);
        assertThat(study.after(60, true).credited()).isEqualTo(60);
        assertThat(study.after(60, true).credited()).isEqualTo(60);
        StudyBeat last = study.after(60, true);
        // the day it completed, read now: the later beats move the clock on, past midnight in Beijing at 23:58
        LocalDate completedOn = LocalDate.now(clock);
        assertThat(last.credited()).as("the 30 s the video still needs").isEqualTo(30);
        assertThat(last.completed()).isTrue();
        assertThat(last.courseCredited()).isEqualTo(150).isEqualTo(last.courseSeconds());
        assertThat(study.after(60, true).credited()).isZero();
        Study again = new Study(member, video);
        assertThat(again.after(60, true).credited()).isZero();
        assertThat(jdbc.sql("select credited_on from study_credit where member_id = ? and source = 'COURSE'"
                        + " and source_id = ?").params(member.selfMemberId(), video).query(LocalDate.class).list())
                .containsExactly(completedOn);
        assertThat(jdbc.sql("select count(*) from course_progress where member_id = ? and completed_at is not null")
                .param(member.selfMemberId()).query(Long.class).single()).isOne();
    }

    @Test
    void T1_the_daily_cap_counts_every_course_of_the_day_and_a_new_day_has_room_again() {
        DataScope member = newMember();
        LocalDate today = LocalDate.now(clock);
        int cap = 8 * 3600;
        jdbc.sql("insert into study_day (member_id, day, credited_seconds) values (?, ?, ?)")
                .params(member.selfMemberId(), today, cap - 45).update();
        Study study = new Study(member, world.article(world.branchA, 3600));
        StudyBeat beat = study.after(60, true);
        assertThat(beat.credited()).as("45 s left of today's 8 hours").isEqualTo(45);
        assertThat(beat.dailyRemaining()).isZero();
        assertThat(study.after(60, true).credited()).isZero();
        clock.advance(clock.untilMidnight().minusSeconds(30));
        Study tomorrow = new Study(member, world.article(world.branchA, 3600));
        assertThat(tomorrow.after(60, true).credited()).as("a new day in Beijing time").isEqualTo(60);
    }

    @Test
    void T1_a_session_left_for_half_an_hour_expires() {
        Study study = new Study(newMember(), world.article(world.branchA, 3600));
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> sessions.beat(study.scope, study.session, study.token, true, 0))
                .isInstanceOfSatisfying(StudyRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(StudyRefusal.EXPIRED));
        assertThatThrownBy(() -> sessions.beat(study.scope, study.session, study.token, true, 0))
                .isInstanceOfSatisfying(StudyRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(StudyRefusal.EXPIRED));
    }

    @Test
    void ending_a_session_credits_its_last_beat_and_refuses_the_next() {
        Study study = new Study(newMember(), world.article(world.branchA, 3600));
        clock.advance(Duration.ofSeconds(40));
        StudyBeat last = sessions.end(study.scope, study.session, study.token, true, 12);
        assertThat(last.credited()).isEqualTo(40);
        assertThatThrownBy(() -> sessions.beat(study.scope, study.session, last.token(), true, 0))
                .isInstanceOfSatisfying(StudyRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(StudyRefusal.FINISHED));
    }

    @Test
    void only_courses_addressed_to_the_member_can_be_studied() {
        DataScope member = newMember();
        long ofCommittee = world.article(world.committeeA, 600);
        long everyone = world.course(world.committeeB, "ARTICLE", null, 600, "EVERYONE", "PUBLISHED");
        assertThat(sessions.start(member, ofCommittee, null).sessionId()).isPositive();
        assertThat(sessions.start(member, everyone, null).sessionId()).isPositive();
        for (long refused : new long[]{world.article(world.branchB, 600), world.article(world.committeeB, 600),
                world.course(world.branchA, "ARTICLE", null, 600, "SUBTREE", "DRAFT"),
                world.course(world.branchA, "ARTICLE", null, 600, "SUBTREE", "WITHDRAWN"), 999_999_999L}) {
            assertThatThrownBy(() -> sessions.start(member, refused, null)).as("course " + refused)
                    .isInstanceOf(NotFoundException.class);
        }
    }

    /**
     * The busiest write is one statement (the database function study_beat): its plan reused by the function's own
     * setting, which ends with the function, and the commit not waiting for the disk (set for the transaction).
     */
    @Test
    void a_beat_is_one_statement_whose_plan_setting_ends_with_it() {
        Study study = new Study(newMember(), world.article(world.branchA, 3600));
        clock.advance(Duration.ofSeconds(30));
        List<String> settings = new ArrayList<>();
        try (StatementCount count = StatementCount.open()) {
            transactions.executeWithoutResult(tx -> {
                study.token = sessions.beat(study.scope, study.session, study.token, true, 0).token();
                settings.add(jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single());
                settings.add(jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single());
            });
            assertThat(count.statements().get(0)).contains("study_beat(");
            assertThat(count.count()).as("the beat, then the two settings read here").isEqualTo(3);
        }
        assertThat(settings).containsExactly("force_custom_plan", "off");
        assertThat(jdbc.sql("select credited_seconds from study_session where id = ?").param(study.session)
                .query(Integer.class).single()).isEqualTo(30);
    }
}
