// Draws the county map of area status with ECharts from the vendored GeoJSON (features named by
// county). The page puts the data in data-* attributes of #area-map: no inline script is needed.
(function () {
  var el = document.getElementById('area-map');
  if (!el || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(el.getAttribute('data-counties'));
  var colours = JSON.parse(el.getAttribute('data-colours'));
  fetch(el.getAttribute('data-geojson'))
    .then(function (r) { return r.json(); })
    .then(function (geo) {
      echarts.registerMap('fk-city', geo);
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: { trigger: 'item', formatter: function (p) { return p.name + (p.data && p.data.label ? '：' + p.data.label : ''); } },
        visualMap: {
          type: 'piecewise', dimension: 0, left: 'left', bottom: 10,
          pieces: colours.map(function (c) { return { value: c.value, label: c.label, color: c.color }; })
        },
        series: [{
          type: 'map', map: 'fk-city', roam: false, nameProperty: 'name',
          label: { show: true, fontSize: 11 },
          data: data.map(function (c) { return { name: c.name, value: c.severity, label: c.label, code: c.code }; })
        }]
      });
      chart.on('click', function (p) {
        if (p.data && p.data.code) { window.location.search = '?county=' + p.data.code; }
      });
      el.setAttribute('data-ready', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
