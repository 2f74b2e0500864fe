import type { Lang } from '../../engine/index.ts';
import type { EvacuationScenario } from '../../engine/evacuation/index.ts';

type Text = { zh: string; en: string };
type TargetKind = EvacuationScenario['targets'][number]['kind'];

/** How each building target kind reads, with its limit and what it is counted from. Pure. */
export function evacTargetLabel(kind: TargetKind, limit: number, lang: Lang): string {
  const t: Record<TargetKind, Text> = {
    allAssembledWithin: { zh: `警报后 ${limit} 秒内全员到达集合点`, en: `everyone at the assembly point within ${limit} s of the alarm` },
    headcountWithin: { zh: `警报后 ${limit} 秒内上报清点人数`, en: `headcount reported within ${limit} s of the alarm` },
    call119Within: { zh: `发现火情后 ${limit} 秒内拨打119`, en: `119 called within ${limit} s of detection` },
    exposedAtMost: { zh: `受烟气侵袭人数不超过 ${limit} 人`, en: `at most ${limit} people exposed to smoke` },
  };
  return t[kind][lang];
}

/** zh / en names of group states, drill phases and the fire's end. */
export const evacWords: Record<string, Text> = {
  atAssembly: { zh: '已到集合点', en: 'at the assembly point' },
  trappedInLift: { zh: '困在电梯', en: 'trapped in the lift' },
  stuck: { zh: '受阻待援', en: 'stuck (sheltering)' },
  moving: { zh: '疏散中', en: 'moving' },
  queued: { zh: '排队中', en: 'queued' },
  inRoom: { zh: '在教室', en: 'in the room' },
  preMovement: { zh: '准备撤离', en: 'getting ready' },
  inLift: { zh: '乘电梯', en: 'in the lift' },
  normal: { zh: '正常', en: 'normal' },
  alarm: { zh: '报警', en: 'alarm' },
  evacuating: { zh: '疏散中', en: 'evacuating' },
  assembled: { zh: '已集合', en: 'assembled' },
  headcountReported: { zh: '已清点上报', en: 'headcount reported' },
  allClear: { zh: '解除', en: 'all clear' },
  extinguisher: { zh: '灭火组用灭火器扑灭', en: 'knocked down by the firefighting role (extinguisher)' },
  brigade: { zh: '消防队扑灭', en: 'put out by the fire brigade' },
};

/** A word from {@link evacWords}, or the raw value. */
export const evacWord = (key: string, lang: Lang): string => evacWords[key]?.[lang] ?? key;
