// The ECharts options of the monthly 通报 page: 合格率 per department, and the twelve months'
// 迟报/漏报 line.
const percent = (text) => Number.parseFloat(String(text).replace('%', ''));
// The tooltip is HTML: a department's name is text.
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// A department without records in the month has no bar (its 0.00% is not a rate).
export function passRateOption(report) {
  const rows = report.departments;
  const short = (name) => (report.region_name && name.startsWith(report.region_name) ? name.slice(report.region_name.length) : name);
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const r = rows[items[0].dataIndex];
        return `${esc(r.name)}<br/>` + (r.total ? `合格率 ${r.qualified_rate}（${r.qualified}/${r.total}）` : '本月无数据');
      },
    },
    grid: { left: 40, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => short(r.name)), axisLabel: { interval: 0, rotate: 40, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '双公示合格率',
        type: 'bar',
        data: rows.map((r) => (r.total ? percent(r.qualified_rate) : null)),
        itemStyle: { color: '#1f4e96' },
        barMaxWidth: 28,
      },
    ],
  };
}

export function trendOption(points) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['迟报', '漏报'], top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '迟报', type: 'line', data: points.map((p) => p.late), itemStyle: { color: '#e6a23c' } },
      { name: '漏报', type: 'line', data: points.map((p) => p.missing), itemStyle: { color: '#f56c6c' } },
    ],
  };
}
