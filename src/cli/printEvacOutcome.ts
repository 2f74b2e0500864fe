import Table from 'cli-table3';
import type { Lang } from '../../engine/index.ts';
import type { EvacOutcome, EvacuationScenario } from '../../engine/evacuation/index.ts';
import { evacTargetLabel, evacWord } from './evacLabels.ts';

const s1 = (x: number | null, never: string) => (x === null ? never : `${x.toFixed(1)}`);

/**
 * One building run as readable text (zh or en): the fire, the evacuation, the roles' key times,
 * the stairs and the targets. Times are seconds since ignition. Pure.
 */
export function formatEvacOutcome(s: EvacuationScenario, o: EvacOutcome, lang: Lang): string {
  const zh = lang === 'zh';
  const never = zh ? '未发生' : 'never';
  const t = (x: number | null) => s1(x, never);
  const room = s.building.rooms.find((r) => r.id === o.originRoom);
  const out: string[] = [];
  out.push(zh ? `场景：${s.name.zh}（${s.id}）  种子：${o.seed}` : `Scenario: ${s.name.en} (${s.id})  seed: ${o.seed}`);
  out.push(
    zh
      ? `起火：${room?.name.zh ?? o.originRoom}（${o.originRoom}）；发现 ${t(o.detectedS)} 秒，警报 ${t(o.alarmS)} 秒，宣布疏散 ${t(o.evacuationDeclaredS)} 秒（均自起火起算）`
      : `Fire: ${room?.name.en ?? o.originRoom} (${o.originRoom}); detected at ${t(o.detectedS)} s, alarm at ${t(o.alarmS)} s, evacuation declared at ${t(o.evacuationDeclaredS)} s (seconds since ignition)`,
  );
  const T = o.totals;
  const fromAlarm = o.allAssembledS !== null && o.alarmS !== null ? (o.allAssembledS - o.alarmS).toFixed(1) : null;
  out.push(
    o.allAssembledS !== null
      ? zh
        ? `全员 ${T.people} 人到达集合点：${t(o.allAssembledS)} 秒（警报后 ${fromAlarm} 秒）`
        : `All ${T.people} people at the assembly point at ${t(o.allAssembledS)} s (${fromAlarm} s after the alarm)`
      : zh
        ? `未能全员到达集合点：${T.assembled}/${T.people} 人到达`
        : `Not everyone reached the assembly point: ${T.assembled} of ${T.people}`,
  );
  out.push(
    zh
      ? `受烟气侵袭 ${T.exposed} 人，困在电梯 ${T.trappedInLift} 人，未撤出 ${T.notEvacuated} 人`
      : `${T.exposed} exposed to smoke, ${T.trappedInLift} trapped in the lift, ${T.notEvacuated} not evacuated`,
  );
  const f = o.fire;
  out.push(
    zh
      ? `119 报警：${t(o.call119S)} 秒；火灾：${f.by ? `${evacWord(f.by, lang)}（${t(f.outS)} 秒）` : '未扑灭'}${f.brigadeAtFireS !== null ? `，消防队到场 ${t(f.brigadeAtFireS)} 秒` : ''}`
      : `119 called at ${t(o.call119S)} s; fire: ${f.by ? `${evacWord(f.by, lang)} at ${t(f.outS)} s` : 'not out'}${f.brigadeAtFireS !== null ? `; brigade at the fire at ${t(f.brigadeAtFireS)} s` : ''}`,
  );
  out.push(
    o.headcount.reportedS !== null
      ? zh
        ? `清点人数上报：${t(o.headcount.reportedS)} 秒，清点 ${o.headcount.counted} 人，缺 ${o.headcount.missing} 人`
        : `Headcount reported at ${t(o.headcount.reportedS)} s: ${o.headcount.counted} counted, ${o.headcount.missing} missing`
      : zh
        ? '清点人数：未上报'
        : 'Headcount: not reported',
  );
  out.push(zh ? `演练阶段：${evacWord(o.phase, lang)}` : `Drill phase: ${evacWord(o.phase, lang)}`);

  const stairs = s.building.stairs.map((st) => {
    const edges = o.bottlenecks.filter((b) => s.building.edges.some((e) => e.id === b.edge && e.stair === st.id));
    return {
      name: st.name[lang],
      people: Math.max(0, ...edges.map((b) => b.people)),
      queue: Math.max(0, ...edges.map((b) => b.maxQueuePersons)),
      wait: Math.max(0, ...edges.map((b) => b.maxWaitS)),
    };
  });
  const st = new Table({
    head: zh ? ['楼梯', '最多通过人数（单跑）', '最大排队（人）', '最长等待（秒）'] : ['Stair', 'Most people on a flight', 'Largest queue (persons)', 'Longest wait (s)'],
    style: { head: [], border: [], compact: true },
  });
  for (const x of stairs) st.push([x.name, x.people, x.queue, x.wait.toFixed(1)]);
  out.push('', st.toString());

  if (o.targets.length > 0) {
    const tt = new Table({ head: zh ? ['目标', '实际', '达成'] : ['Target', 'Achieved', 'Met'], style: { head: [], border: [], compact: true } });
    for (const x of o.targets) {
      const unit = x.kind === 'exposedAtMost' ? (zh ? ' 人' : ' people') : zh ? ' 秒' : ' s';
      tt.push([evacTargetLabel(x.kind, x.limit, lang), x.value === null ? never : `${x.kind === 'exposedAtMost' ? x.value : x.value.toFixed(1)}${unit}`, x.met ? (zh ? '是' : 'yes') : zh ? '否' : 'no']);
    }
    out.push('', tt.toString());
  }
  if (o.refusedDecisions.length > 0)
    out.push(zh ? `被拒绝的决策：${o.refusedDecisions.length} 条` : `Refused decisions: ${o.refusedDecisions.length}`);
  return out.join('\n');
}
