import { RESPONSE_STATES } from '../machines/responseLevel.machine.ts';
import type { Decision, DecisionError, TimedDecision } from './decision.ts';
import { fireNeedsCrews } from './fireState.ts';
import { admitToShelter, requestResupply, startDelivery } from './relief.ts';
import { noteChange } from './response.ts';
import { reachableTaskNode, sendTeam, teamAvailable } from './teams.ts';
import type { TeamTask, Trial } from './trial.ts';

const fail = (code: string, zh: string, en: string): { ok: false; error: DecisionError } => ({ ok: false, error: { code, zh, en } });
const OK = { ok: true } as const;

/**
 * Validates and applies a participant's decision at the trial's current time. A refused
 * decision changes nothing and says why (zh/en); an accepted one is logged as
 * `decision.applied` and its effects follow as ordinary events. Deterministic.
 */
export function applyDecision(tr: Trial, td: TimedDecision): { ok: true } | { ok: false; error: DecisionError } {
  const checked = check(tr, td.decision);
  if (!checked.ok) return checked;
  if (tr.log.on) tr.log.add(tr.now, 'decision.applied', { by: td.by, decision: td.decision });
  checked.apply();
  return OK;
}

type Checked = { ok: true; apply: () => void } | { ok: false; error: DecisionError };

function check(tr: Trial, d: Decision): Checked {
  const s = tr.s;
  const find = <T extends { id: string }>(list: readonly T[], id: unknown) =>
    typeof id === 'string' ? list.findIndex((x) => x.id === id) : -1;
  switch (d.kind) {
    case 'issueWarning': {
      const levels = ['none', 'blue', 'yellow', 'orange', 'red'];
      if (!levels.includes(d.level)) return fail('badLevel', `无效的预警级别：${String(d.level)}`, `invalid warning level: ${String(d.level)}`);
      return {
        ok: true,
        apply: () => {
          if (tr.log.on) tr.log.add(tr.now, 'warning.issued', { level: d.level });
          // a county warning of yellow or above puts the hazard sites on patrol (巡查)
          if (levels.indexOf(d.level) >= 2)
            s.hazardSites.forEach((site, i) => {
              if (tr.sites.value(i) === 'stable' && tr.sites.get(i).send({ type: 'WATCH' }))
                if (tr.log.on) tr.log.add(tr.now, 'site.watch', { site: site.id });
            });
        },
      };
    }
    case 'setResponseLevel': {
      const rank = d.level === 'ended' ? -1 : RESPONSE_STATES.indexOf(d.level);
      if (rank === 0 || (rank < 0 && d.level !== 'ended'))
        return fail('badLevel', `无效的响应级别：${String(d.level)}`, `invalid response level: ${String(d.level)}`);
      const cur = tr.response.value;
      if (cur === 'ended') return fail('responseEnded', '应急响应已终止', 'the response has already ended');
      if (d.level === 'ended' && cur === 'none') return fail('noResponse', '尚未启动应急响应，无法终止', 'no response is active, nothing to end');
      if (cur === d.level) return fail('sameLevel', `当前已是${d.level}级响应`, `level ${d.level} is already in force`);
      return {
        ok: true,
        apply: () => {
          const before = tr.response.value;
          tr.response.send(d.level === 'ended' ? { type: 'END' } : { type: 'DECLARE', rank });
          noteChange(tr, before);
        },
      };
    }
    case 'dispatchTeam': {
      const t = find(s.teams, d.team);
      if (t < 0) return fail('unknownTeam', `不存在的队伍：${String(d.team)}`, `no such team: ${String(d.team)}`);
      if (!teamAvailable(tr, t)) return fail('teamBusy', `队伍 ${d.team} 正在执行任务`, `team ${d.team} is busy`);
      let task: TeamTask;
      if (d.task?.kind === 'clear') {
        const link = find(s.roads.links, d.task.link);
        if (link < 0) return fail('unknownLink', `不存在的道路：${String(d.task.link)}`, `no such road link: ${String(d.task.link)}`);
        if (tr.world.teamCanClear[t] !== 1) return fail('noCapability', `队伍 ${d.team} 不具备道路抢通能力`, `team ${d.team} cannot clear roads`);
        if (tr.links.value(link) !== 'blocked') return fail('notBlocked', `道路 ${d.task.link} 未中断或已在抢通`, `road ${d.task.link} is not blocked (or is being cleared)`);
        task = { kind: 'clear', link };
      } else if (d.task?.kind === 'rescue') {
        const site = find(s.hazardSites, d.task.site);
        if (site < 0) return fail('unknownSite', `不存在的隐患点：${String(d.task.site)}`, `no such hazard site: ${String(d.task.site)}`);
        if (tr.world.teamCanRescue[t] !== 1) return fail('noCapability', `队伍 ${d.team} 不具备救援能力`, `team ${d.team} cannot do rescue`);
        if (tr.sites.value(site) !== 'failed') return fail('notFailed', `隐患点 ${d.task.site} 未发生灾害`, `hazard site ${d.task.site} has not failed`);
        task = { kind: 'rescue', site };
      } else if (d.task?.kind === 'suppress') {
        const site = find(s.hazardSites, d.task.site);
        if (site < 0) return fail('unknownSite', `不存在的隐患点：${String(d.task.site)}`, `no such hazard site: ${String(d.task.site)}`);
        if (s.hazardSites[site]!.kind !== 'forest') return fail('notForest', `隐患点 ${d.task.site} 不是林区，无林火可扑救`, `hazard site ${d.task.site} is not a forest compartment: there is no forest fire to fight`);
        if (tr.world.teamCanSuppress[t] !== 1) return fail('noCapability', `队伍 ${d.team} 不具备扑火能力`, `team ${d.team} cannot fight forest fires`);
        const fire = tr.fires.findIndex((f, i) => f.site === site && Number.isFinite(f.detectedAt) && fireNeedsCrews(tr, i));
        if (fire < 0) return fail('noFire', `林区 ${d.task.site} 没有需要扑救的已发现火情`, `no reported fire to fight at ${d.task.site}`);
        task = { kind: 'suppress', fire };
      } else return fail('badTask', '任务类型无效（clear、rescue 或 suppress）', 'invalid task (clear, rescue or suppress)');
      const dest = reachableTaskNode(tr, t, task);
      // dispatching over a cut road is allowed: the team will wait for a route (and the log says so)
      const fallback = () =>
        task.kind === 'clear' ? tr.world.graph.linkFrom[task.link]! : tr.world.villageNode[tr.world.siteVillage[task.kind === 'suppress' ? tr.fires[task.fire]!.site : task.site]!]!;
      return { ok: true, apply: () => sendTeam(tr, t, task, dest ?? fallback()) };
    }
    case 'evacuate': {
      const i = find(s.hazardSites, d.site);
      if (i < 0) return fail('unknownSite', `不存在的隐患点：${String(d.site)}`, `no such hazard site: ${String(d.site)}`);
      const v = tr.sites.value(i);
      if (v === 'failed') return fail('alreadyFailed', `隐患点 ${d.site} 已发生灾害`, `hazard site ${d.site} has already failed`);
      if (v === 'watch.evacuated') return fail('alreadyEvacuated', `隐患点 ${d.site} 已转移群众`, `people at ${d.site} are already evacuated`);
      return {
        ok: true,
        apply: () => {
          const m = tr.sites.get(i);
          if (m.value === 'stable') m.send({ type: 'WATCH' });
          m.send({ type: 'EVACUATE' });
          const site = s.hazardSites[i]!;
          if (tr.log.on) tr.log.add(tr.now, 'site.evacuated', { site: site.id, people: site.threatenedPeople });
          admitToShelter(tr, tr.world.siteVillage[i]!, site.threatenedPeople);
        },
      };
    }
    case 'openShelter': {
      const k = find(s.shelters, d.shelter);
      if (k < 0) return fail('unknownShelter', `不存在的避难场所：${String(d.shelter)}`, `no such shelter: ${String(d.shelter)}`);
      if (tr.shelterOpen[k] === 1) return fail('alreadyOpen', `避难场所 ${d.shelter} 已开放`, `shelter ${d.shelter} is already open`);
      return {
        ok: true,
        apply: () => {
          tr.shelterOpen[k] = 1;
          if (tr.log.on) tr.log.add(tr.now, 'shelter.opened', { shelter: d.shelter });
        },
      };
    }
    case 'releaseStock': {
      const wh = find(s.reserves.warehouses, d.warehouse);
      if (wh < 0) return fail('unknownWarehouse', `不存在的仓库：${String(d.warehouse)}`, `no such warehouse: ${String(d.warehouse)}`);
      const village = find(s.region.villages, d.village);
      if (village < 0) return fail('unknownVillage', `不存在的村：${String(d.village)}`, `no such village: ${String(d.village)}`);
      if (d.items === null || typeof d.items !== 'object') return fail('badItems', '物资清单无效', 'invalid item list');
      const nI = tr.world.itemCount;
      const q = s.reserves.items.map(() => 0);
      for (const [id, n] of Object.entries(d.items)) {
        const k = find(s.reserves.items, id);
        if (k < 0) return fail('unknownItem', `不存在的物资：${id}`, `no such item: ${id}`);
        if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return fail('badQuantity', `物资 ${id} 的数量无效`, `invalid quantity for ${id}`);
        if (n > tr.stock[wh * nI + k]!) return fail('notEnough', `仓库 ${d.warehouse} 的 ${id} 库存不足（现有 ${Math.floor(tr.stock[wh * nI + k]!)}）`, `warehouse ${d.warehouse} holds only ${Math.floor(tr.stock[wh * nI + k]!)} of ${id}`);
        q[k] = n;
      }
      if (q.every((x) => x === 0)) return fail('nothing', '没有要调运的物资', 'nothing to release');
      return {
        ok: true,
        apply: () => {
          q.forEach((n, k) => {
            if (n <= 0) return;
            tr.stock[wh * nI + k]! -= n;
            tr.recordStock(wh, k);
          });
          startDelivery(tr, wh, village, q, tr.villageAffected[village]!);
        },
      };
    }
    case 'requestResupply': {
      const wh = find(s.reserves.warehouses, d.warehouse);
      if (wh < 0) return fail('unknownWarehouse', `不存在的仓库：${String(d.warehouse)}`, `no such warehouse: ${String(d.warehouse)}`);
      if (tr.resupplyPending[wh]) return fail('pending', `仓库 ${d.warehouse} 已有补货在途`, `a resupply of ${d.warehouse} is already on its way`);
      return { ok: true, apply: () => void requestResupply(tr, wh, true) };
    }
    case 'situationReport': {
      if (typeof d.text !== 'string' || d.text.length === 0 || d.text.length > 4000)
        return fail('badReport', '灾情报告内容为空或过长（最多 4000 字）', 'report text is empty or too long (4000 characters at most)');
      for (const [k, v] of Object.entries(d.figures ?? {}))
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return fail('badFigure', `报告数字 ${k} 无效`, `invalid figure ${k}`);
      return { ok: true, apply: () => tr.log.add(tr.now, 'report.submitted', { text: d.text, figures: d.figures ?? {} }) };
    }
    default:
      return fail('unknownDecision', '未知的决策类型', 'unknown decision kind');
  }
}
