// The columns of the monthly 通报's two tables, with seed 003's headers, in the order the CSV and
// XLSX (engine/report/monthly_format.cpp) write them; each maps a row of the JSON to its cell.
const seq = { label: '序号', width: 60, cell: (r, total) => (total ? '' : String(r.seq)) };
const count = (label, key, width = 90) => ({ label, width, cell: (r) => String(r[key]) });

export const departmentColumns = [
  seq,
  { label: '部门', minWidth: 200, cell: (r) => r.name },
  count('迟报数量', 'late'),
  count('漏报数量', 'missing'),
  count('合格数量', 'qualified'),
  count('行政许可', 'licenses'),
  count('行政处罚', 'penalties'),
  count('双公示合计', 'total', 100),
  count('双公示迟报率', 'late_rate', 110),
  count('双公示漏报率', 'missing_rate', 110),
  count('双公示合格率', 'qualified_rate', 110),
];

export const townshipColumns = [
  seq,
  { label: '乡镇', minWidth: 160, cell: (r) => r.name },
  count('报送数据量', 'total', 110),
  count('合格数据量', 'qualified', 110),
  count('数据合格率', 'qualified_rate', 110),
];
