// The comparison page's charts: the heat map of evaluator − self per article, a row per category,
// and the holder's totals by year. The data is the page's own, in each chart's data-json.
(function () {
  'use strict';

  function data(element) {
    return JSON.parse(element.getAttribute('data-json'));
  }

  var heat = document.getElementById('chart-heatmap');
  if (heat && window.echarts) {
    var h = data(heat);
    echarts.init(heat).setOption({
      tooltip: {
        formatter: function (p) {
          var label = (h.labels[p.value[1]] || [])[p.value[0]] || '';
          return echarts.format.encodeHTML(label) + '<br>差值 ' + p.value[2];
        }
      },
      grid: { left: 160, right: 24, top: 8, bottom: 56 },
      xAxis: { type: 'category', data: h.columns, splitArea: { show: true } },
      yAxis: { type: 'category', data: h.rows, inverse: true, splitArea: { show: true } },
      visualMap: { min: -5, max: 5, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#c0392b', '#f5f5f5', '#2e86c1'] } },
      series: [{ type: 'heatmap', data: h.cells, label: { show: true } }]
    });
  }

  var years = document.getElementById('chart-years');
  if (years && window.echarts) {
    var y = data(years);
    echarts.init(years).setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 48, right: 24, bottom: 32 },
      xAxis: { type: 'category', data: y.years },
      yAxis: { type: 'value', min: function (v) { return Math.max(0, Math.floor(v.min - 5)); } },
      series: [
        { name: '自评总分', type: 'line', data: y.self, connectNulls: true },
        { name: '评估总分', type: 'line', data: y.evaluator, connectNulls: true },
        { name: '采信总分', type: 'line', data: y.adopted, connectNulls: true }
      ]
    });
  }
}());
