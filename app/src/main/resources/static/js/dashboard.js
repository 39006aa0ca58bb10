// Draws the dashboard's charts from the JSON the server put in #charts[data-charts].
(function () {
  'use strict';
  var holder = document.getElementById('charts');
  if (!holder || !window.echarts) {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-charts'));
  var palette = ['#c8161d', '#e8772e', '#f2b705', '#5b8c5a', '#3a6ea5', '#7d5ba6', '#a0522d', '#708090', '#999'];

  function option(kind, series) {
    var names = series.map(function (d) { return d.name; });
    if (kind === 'pie') {
      return {
        color: palette,
        tooltip: { trigger: 'item', formatter: '{b}：{c}人（{d}%）' },
        legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: series.filter(function (d) { return d.value > 0; }) }]
      };
    }
    var horizontal = kind === 'hbar';
    var category = { type: 'category', data: names, axisLabel: { interval: 0, fontSize: 11 } };
    var value = { type: 'value', minInterval: 1 };
    return {
      color: palette,
      tooltip: { trigger: 'axis' },
      grid: { left: horizontal ? 130 : 40, right: 16, top: 16, bottom: horizontal ? 24 : 60 },
      xAxis: horizontal ? value : Object.assign(category, { axisLabel: { interval: 0, rotate: 30, fontSize: 11 } }),
      yAxis: horizontal ? category : value,
      series: [{ type: 'bar', data: series.map(function (d) { return d.value; }), barMaxWidth: 28 }]
    };
  }

  var charts = [];
  holder.querySelectorAll('.zb-chart').forEach(function (el) {
    var chart = window.echarts.init(el);
    chart.setOption(option(el.dataset.kind, data[el.dataset.chart] || []));
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
