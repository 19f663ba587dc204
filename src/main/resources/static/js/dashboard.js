// The dashboard's charts: each element with data-chart reads its JSON from data-url (the same
// figures as the page, under the same login and scope) and draws it with ECharts.
(function () {
  'use strict';

  function load(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    });
  }

  function chart(element) {
    var existing = echarts.getInstanceByDom(element);
    return existing || echarts.init(element);
  }

  // The sources' series over twelve months: bars on the left axis, lines on the right.
  function trend(element, trend) {
    chart(element).setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 48, right: 48, bottom: 32 },
      xAxis: { type: 'category', data: trend.months },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
      series: trend.series.map(function (s) {
        var line = s.chart === 'LINE';
        return { name: trend.labels[s.key], type: line ? 'line' : 'bar', yAxisIndex: line ? 1 : 0, data: s.values };
      })
    });
  }

  function categories(element, breakdown) {
    chart(element).setOption({
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'],
        data: breakdown.parts.map(function (part) { return { name: part.name, value: part.value }; }) }]
    });
  }

  // A bar per region below on the figure chosen in #region-figure; a click opens that region's dashboard.
  function regions(element, ranking) {
    var select = document.getElementById('region-figure');
    function draw() {
      var key = select.value;
      var rows = ranking.rows;
      var instance = chart(element);
      instance.setOption({
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, bottom: 64 },
        xAxis: { type: 'category', data: rows.map(function (r) { return r.regionName; }), axisLabel: { rotate: 30 } },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', name: select.options[select.selectedIndex].text,
          data: rows.map(function (r) {
            var figure = r.figures[key];
            var value = figure && figure.value !== null ? figure.value : null;
            return { value: value, itemStyle: r.weakest.indexOf(key) >= 0 ? { color: '#dc3545' } : undefined };
          }) }]
      }, true);
      instance.off('click');
      instance.on('click', function (event) {
        var drill = element.dataset.drill;
        window.location.href = drill + (drill.indexOf('?') >= 0 ? '&' : '?') + 'region=' + rows[event.dataIndex].regionCode;
      });
    }
    select.addEventListener('change', draw);
    draw();
  }

  var painters = { trend: trend, categories: categories, regions: regions };
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    load(element.dataset.url).then(function (data) {
      painters[element.dataset.chart](element, data);
      element.setAttribute('data-loaded', 'true');
    }).catch(function () {
      element.textContent = '—';
    });
  });
  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var instance = echarts.getInstanceByDom(element);
      if (instance) {
        instance.resize();
      }
    });
  });
})();
