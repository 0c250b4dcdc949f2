// Draws the situation view's charts with the vendored ECharts: the daily trend since the outbreak's
// start and today's new cases by unit. The page puts the data in data-* attributes; no inline script.
(function () {
  // The big screen reloads itself: fresh figures without anyone touching the command hall's screen.
  var screen = document.querySelector('[data-refresh]');
  if (screen) { setTimeout(function () { window.location.reload(); }, 1000 * parseInt(screen.getAttribute('data-refresh'), 10)); }
  if (typeof echarts === 'undefined') { return; }
  var charts = [];
  function draw(id, attribute, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var data = JSON.parse(el.getAttribute(attribute));
    var chart = echarts.init(el, data.dark ? 'dark' : null, { renderer: 'canvas' });
    chart.setOption(option(data));
    if (data.dark) { chart.setOption({ backgroundColor: 'transparent' }); }
    charts.push(chart);
    el.setAttribute('data-ready', 'true');
  }
  draw('fk-trend', 'data-trend', function (d) {
    return {
      title: { text: d.title, left: 'left', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 0 },
      grid: { left: 40, right: 16, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: d.days },
      yAxis: { type: 'value', minInterval: 1 },
      color: ['#c9302c', '#f0ad4e', '#2b7bb9', '#7b1fa2'],
      series: d.series.map(function (s) { return { name: s.name, type: s.type, stack: s.stack || undefined, data: s.data, smooth: s.type === 'line' }; })
    };
  });
  draw('fk-units', 'data-units', function (d) {
    return {
      title: { text: d.title, left: 'left', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, right: 0 },
      grid: { left: 80, right: 16, top: 48, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: d.units, inverse: true },
      color: ['#c9302c', '#f0ad4e'],
      series: [
        { name: d.names[0], type: 'bar', stack: 'today', data: d.confirmed },
        { name: d.names[1], type: 'bar', stack: 'today', data: d.asymptomatic }
      ]
    };
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
