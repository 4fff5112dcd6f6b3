// A line diff of two texts by their longest common subsequence: each line of the result is kept
// (' '), removed ('-', only in the old text) or added ('+', only in the new one), with its line
// numbers in the old (a) and the new (b) text. The common head and tail are matched first; a
// middle too large for the table (over MAX_CELLS) is shown as all removed then all added.
const MAX_CELLS = 25_000_000;

export function splitLines(text) {
  if (!text) return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop(); // a final newline ends the last line
  return lines;
}

export function lineDiff(oldText, newText) {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const out = [];
  for (let i = 0; i < head; i++) out.push({ op: ' ', text: a[i], a: i + 1, b: i + 1 });
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  for (const d of middle(x, y)) {
    out.push({ op: d.op, text: d.text, a: d.i == null ? null : head + d.i + 1, b: d.j == null ? null : head + d.j + 1 });
  }
  for (let k = tail; k > 0; k--) {
    out.push({ op: ' ', text: a[a.length - k], a: a.length - k + 1, b: b.length - k + 1 });
  }
  return out;
}

// The LCS table from the end: L[i][j] = LCS length of x[i..] and y[j..].
function middle(x, y) {
  const n = x.length;
  const m = y.length;
  const out = [];
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    x.forEach((text, i) => out.push({ op: '-', text, i }));
    y.forEach((text, j) => out.push({ op: '+', text, j }));
    return out;
  }
  const w = m + 1;
  const L = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i * w + j] = x[i] === y[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ op: ' ', text: x[i], i, j });
      i++;
      j++;
    } else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) {
      out.push({ op: '-', text: x[i], i });
      i++;
    } else {
      out.push({ op: '+', text: y[j], j });
      j++;
    }
  }
  for (; i < n; i++) out.push({ op: '-', text: x[i], i });
  for (; j < m; j++) out.push({ op: '+', text: y[j], j });
  return out;
}

// How many lines were added and removed.
export function diffCounts(lines) {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op === '+') added++;
    else if (l.op === '-') removed++;
  }
  return { added, removed };
}
