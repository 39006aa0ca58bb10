// Study timer of a course page (templates/learning/study-client.html). The server credits time by its own clock;
// this script only says "still here, page shown (and media playing)" every beatSeconds, with the one-time token the
// last answer gave. No inline script: the Content-Security-Policy forbids it.
(function () {
  'use strict';

  var box = document.getElementById('study-client');
  if (!box || !window.fetch) {
    return;
  }
  var status = document.getElementById('study-status');
  var takeover = document.getElementById('study-takeover');
  var media = document.getElementById('study-media');
  var base = box.dataset.base;
  var courseId = Number(box.dataset.course);
  var session = null;
  var token = null;
  var beatSeconds = 30;
  var timer = null;
  var queue = Promise.resolve();
  var restarts = 0;
  var stopped = false;

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function post(path, body, keepalive) {
    return fetch(base + path, {
      method: 'POST', credentials: 'same-origin', headers: csrf(), body: JSON.stringify(body), keepalive: !!keepalive
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, json: json };
      });
    });
  }

  function say(text) {
    status.textContent = text;
  }

  function duration(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return (m > 0 ? m + '分' : '') + s + '秒';
  }

  function show(state) {
    if (state.completed) {
      say('已完成本课程的学习，学时已计入（累计 ' + duration(state.courseCredited) + '）。');
    } else if (state.dailyRemaining === 0) {
      say('今日在线学习时长已达上限，明天继续计时。已学 ' + duration(state.courseCredited) + '，共需 '
        + duration(state.courseSeconds) + '。');
    } else {
      say('已学 ' + duration(state.courseCredited) + '，共需 ' + duration(state.courseSeconds)
        + (state.credited > 0 ? '（本次计入 ' + state.credited + ' 秒）' : '') + '。');
    }
  }

  // Shown and, for media, playing: the only state in which time may be credited.
  function studying() {
    return document.visibilityState === 'visible' && (!media || !media.paused);
  }

  function position() {
    if (media && isFinite(media.currentTime)) {
      return Math.floor(media.currentTime);
    }
    return Math.floor(window.scrollY || 0);
  }

  function device() {
    return /Mobi|Android|iPhone/i.test(navigator.userAgent) ? '手机浏览器' : '电脑浏览器';
  }

  function start() {
    takeover.hidden = true;
    stopped = false;
    say('正在开始计时…');
    return post('/sessions', { courseId: courseId, device: device() }).then(function (r) {
      if (r.status !== 201) {
        say(r.status === 404 ? '本课程不在您的学习范围内，无法计时。' : '暂时无法开始计时，请稍后刷新页面。');
        stopped = true;
        return;
      }
      session = r.json.sessionId;
      token = r.json.token;
      beatSeconds = r.json.beatSeconds || 30;
      if (media && r.json.positionSeconds > 0 && media.currentTime < 1) {
        media.currentTime = r.json.positionSeconds;
      }
      show({ completed: r.json.completed, dailyRemaining: r.json.dailyRemaining, courseCredited: r.json.courseCredited,
        courseSeconds: r.json.courseSeconds, credited: 0 });
      schedule();
    });
  }

  function schedule() {
    clearTimeout(timer);
    if (!stopped) {
      timer = setTimeout(function () { beat(studying()); }, beatSeconds * 1000);
    }
  }

  // One beat at a time: each answer carries the token of the next.
  function beat(visible, path, keepalive) {
    queue = queue.then(function () {
      if (!session || stopped) {
        return null;
      }
      return post('/sessions/' + session + (path || '/beats'), { token: token, visible: visible, position: position() },
        keepalive).then(answer, function () {
        say('网络中断，计时暂停，恢复后继续。');
        schedule();
      });
    });
    return queue;
  }

  function answer(r) {
    if (r.status === 200) {
      token = r.json.token;
      beatSeconds = r.json.beatSeconds || beatSeconds;
      restarts = 0;
      show(r.json);
      schedule();
    } else if (r.status === 409 && r.json.reason === 'TAKEN_OVER') {
      stopped = true;
      clearTimeout(timer);
      say('已在其他设备上学习，本设备已暂停计时。');
      takeover.hidden = false;
    } else if (r.status === 409 && restarts < 3) {
      restarts++;
      session = null;
      return start();
    } else {
      stopped = true;
      say('计时已停止，请刷新页面后继续学习。');
    }
    return null;
  }

  // Leaving the foreground (or pausing) first credits the shown time; coming back moves the server's clock without
  // crediting the hidden (or paused) time.
  function changed() {
    beat(!studying());
  }

  document.addEventListener('visibilitychange', changed);
  if (media) {
    media.addEventListener('pause', changed);
    media.addEventListener('play', changed);
  }
  document.getElementById('study-here').addEventListener('click', function () {
    session = null;
    start();
  });
  window.addEventListener('pagehide', function () {
    if (session && !stopped) {
      clearTimeout(timer);
      beat(false, '/end', true);
    }
  });

  start();
})();
