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

  function trend(element, months) {
    chart(element).setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 48, right: 48, bottom: 32 },
      xAxis: { type: 'category', data: months.map(function (m) { return m.month; }) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
      series: [
        { name: element.dataset.labelCollected, type: 'bar', data: months.map(function (m) { return m.collected; }) },
        { name: element.dataset.labelClosed, type: 'bar', data: months.map(function (m) { return m.closed; }) },
        { name: element.dataset.labelVisits, type: 'line', yAxisIndex: 1, data: months.map(function (m) { return m.visits; }) }
      ]
    });
  }

  function categories(element, counts) {
    chart(element).setOption({
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'],
        data: counts.map(function (c) { return { name: c.category, value: c.collected }; }) }]
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
