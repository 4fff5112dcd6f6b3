// A script's own tests as a list: the answer of …/test ({tests: {cases, failures}}), or the 422
// the server refuses a failing or uncompilable script with, whose message_zh is a heading and then
// one failure per line.
export function failureLines(messages) {
  const out = [];
  for (const m of messages || []) {
    const lines = String(m)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    out.push(...(lines.length > 1 ? lines.slice(1) : lines));
  }
  return out;
}

// {ok, cases, heading, failures} from an answer or an ApiError.
export function testOutcome(answer, err) {
  if (answer) {
    const failures = failureLines(answer.tests.failures);
    return { ok: failures.length === 0, cases: answer.tests.cases, heading: '', failures };
  }
  const lines = String(err.message)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const fields = (err.fields || []).map((f) => (f.field ? `${f.field}：${f.message_zh}` : f.message_zh));
  return { ok: false, cases: null, heading: lines[0] || err.message, failures: [...lines.slice(1), ...fields] };
}
