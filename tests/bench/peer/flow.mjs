// The peer of `scripts/bench flow`: the npm bpmn-engine running the same four steps a gongshi
// record goes through — created, then three user tasks (submit, approve, publish) — for SECONDS,
// CONCURRENCY flows at a time, each signalled as soon as it waits. The definition is parsed and
// serialised once; every record gets its own Engine from that context, as a workflow service
// would. Nothing is persisted. Prints one parsable line.
// Usage: node flow.mjs [SECONDS=10] [CONCURRENCY=4]
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import BpmnModdle from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';

const source = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="gongshi" targetNamespace="http://gongshi.example/bpmn">
  <process id="record" isExecutable="true">
    <startEvent id="created" />
    <sequenceFlow id="f1" sourceRef="created" targetRef="submit" />
    <userTask id="submit" name="填报员提交" />
    <sequenceFlow id="f2" sourceRef="submit" targetRef="approve" />
    <userTask id="approve" name="审核通过" />
    <sequenceFlow id="f3" sourceRef="approve" targetRef="publish" />
    <userTask id="publish" name="公示" />
    <sequenceFlow id="f4" sourceRef="publish" targetRef="published" />
    <endEvent id="published" />
  </process>
</definitions>`;

const seconds = Number(process.argv[2] ?? 10);
const concurrency = Number(process.argv[3] ?? 4);

const moddleContext = await new BpmnModdle().fromXML(source);
const sourceContext = serializer(moddleContext, TypeResolver(Elements));

async function oneRecord(n) {
  const engine = new Engine({ name: `record-${n}`, sourceContext });
  const listener = new EventEmitter();
  const steps = [];
  listener.on('wait', (api) => {
    steps.push(api.id);
    api.signal({ by: api.id === 'submit' ? 'filler' : 'reviewer' });
  });
  const ended = engine.waitFor('end');
  await engine.execute({ listener, variables: { record: n } });
  await ended;
  if (steps.join() !== 'submit,approve,publish') throw new Error(`unexpected steps ${steps}`);
}

const until = performance.now() + seconds * 1000;
let done = 0;
let next = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      await oneRecord(++next);
      ++done;
    }
  })
);
const elapsed = (performance.now() - start) / 1000;
const rss = process.memoryUsage().rss / 1048576;
console.log(`RESULT records_per_s=${(done / elapsed).toFixed(1)} records=${done} rss_mb=${rss.toFixed(0)}`);
