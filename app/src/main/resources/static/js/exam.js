// The exam page's countdown: starts from the seconds the server computed; when it reaches zero the page reloads so
// the server (which alone decides) shows the graded attempt. The phone's clock is never trusted for the deadline.
(function () {
    const el = document.getElementById('countdown');
    if (!el) {
        return;
    }
    let left = parseInt(el.dataset.seconds, 10);
    const started = performance.now();
    const total = left;
    const tick = () => {
        left = Math.max(0, total - Math.floor((performance.now() - started) / 1000));
        el.textContent = Math.floor(left / 60) + ' 分 ' + (left % 60) + ' 秒';
        if (left <= 0) {
            window.location.reload();
            return;
        }
        setTimeout(tick, 1000);
    };
    setTimeout(tick, 1000);
})();
