// The calendar form's rows as the JSON PUT /api/v1/calendar/{year} takes: a State Council notice
// (schemas/calendar/national/YYYY.json: year, notices, holidays with off ranges "FROM/TO" and
// 调休 working days) or a region's own days ({region, year, title, holidays with basis}).
export const statutoryHolidays = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

export const emptyHoliday = (name = '') => ({ name, basis: '', off: null, work: [] });

export function nationalForm(year) {
  return {
    year,
    title: `国务院办公厅关于${year}年部分节假日安排的通知`,
    number: '',
    published: '',
    url: '',
    holidays: statutoryHolidays.map((n) => emptyHoliday(n)),
  };
}

export function regionForm(year) {
  return { year, title: '', number: '', published: '', url: '', holidays: [emptyHoliday()] };
}

// [from, to] → "FROM/TO", or the one day.
const range = (r) => (r[0] === r[1] ? r[0] : `${r[0]}/${r[1]}`);

function holidaysOf(form, withBasis) {
  return form.holidays
    .filter((h) => h.name.trim() || h.off || h.work.length)
    .map((h) => {
      const out = { name: h.name.trim(), off: h.off ? [range(h.off)] : [], work: [...h.work].sort() };
      if (withBasis && h.basis.trim()) out.basis = h.basis.trim();
      return out;
    });
}

export function noticeJson(form) {
  const notice = { title: form.title.trim(), number: form.number.trim(), published: form.published || '' };
  if (form.url.trim()) notice.url = form.url.trim();
  return { year: Number(form.year), notices: [notice], holidays: holidaysOf(form, false) };
}

export function regionJson(form, region) {
  const out = { region, year: Number(form.year), holidays: holidaysOf(form, true) };
  if (form.title.trim()) out.title = form.title.trim();
  return out;
}
