import { CSV_EOL } from '../../montecarlo/csvRow.ts';
import type { EvacMcLayout } from './evacMcLayout.ts';
import type { EvacTrialRow } from './evacTrialRow.ts';

const cell = (x: string | number | boolean | null): string => {
  if (x === null) return '';
  if (typeof x === 'boolean') return x ? '1' : '0';
  const s = String(x);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Column names of the per-trial CSV of a building scenario: trial index and seed (re-run it with
 * `yanlian run FILE --seed <seed>`), the room of origin, times in seconds since ignition (empty =
 * never), people, the fire, the headcount, per stair its largest queue (persons) and wait (s), per
 * target met (1/0) and the achieved value. Pure; lines end in CRLF (Excel/WPS).
 */
export function evacCsvHeader(layout: EvacMcLayout): string {
  const cols = [
    'trial', 'seed', 'originRoom', 'detectedS', 'alarmS', 'evacuationDeclaredS', 'allAssembledS', 'assembledFromAlarmS',
    'people', 'assembled', 'exposed', 'trappedInLift', 'notEvacuated', 'call119FromDetectionS', 'fireKnockedDown',
    'fireOutBy', 'fireOutS', 'headcountFromAlarmS', 'headcountMissing',
  ];
  for (const st of layout.stairs) cols.push(`stair.${st.id}.maxQueue`, `stair.${st.id}.maxWaitS`);
  for (const t of layout.targets) cols.push(`target.${t.id}.met`, `target.${t.id}.value`);
  return cols.map(cell).join(',') + CSV_EOL;
}

/** One CSV line (with its CRLF) for a trial; pure. */
export function evacCsvRow(r: EvacTrialRow): string {
  const cells: (string | number | boolean | null)[] = [
    r.trial, r.seed, r.originRoom, r.detectedS, r.alarmS, r.evacuationDeclaredS, r.allAssembledS, r.assembledFromAlarmS,
    r.people, r.assembled, r.exposed, r.trappedInLift, r.notEvacuated, r.call119FromDetectionS, r.knockedDown,
    r.fireOutBy, r.fireOutS, r.headcountFromAlarmS, r.missing,
  ];
  for (const st of r.stairs) cells.push(st.maxQueue, st.maxWaitS);
  for (const t of r.targets) cells.push(t.met, t.value);
  return cells.map(cell).join(',') + CSV_EOL;
}
