import type { LiveDrill } from './drillService.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PHASE_ZH: Record<string, string> = { draft: '草稿', briefing: '情况介绍', running: '进行中', paused: '暂停', ended: '已结束', debriefed: '已复盘' };

/**
 * The server's status page (at `/status`, and at `/` when the web app is not built): Chinese
 * first. Lists drills by title and phase only — never codes, seeds or scripts — and the API
 * entry points.
 */
export function statusPage(drills: readonly LiveDrill[], version: string, now: number, appBuilt = false): string {
  const rows = drills
    .map((d) => {
      const st = d.session.state;
      const t = d.session.phase === 'running' ? d.session.simNow(now) : st.engineNow;
      return `<tr><td>${esc(d.row.title)}</td><td>${d.row.mode === 'blind' ? '双盲 blind' : '公开 open'}</td><td>${PHASE_ZH[st.phase] ?? st.phase} <span class="en">${st.phase}</span></td><td>${(t / 60).toFixed(2)} h</td><td>${st.clock.speed}×</td><td>${d.subs.size}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>演练服务器 · yanlian drill server</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:2rem;color:#1a1a1a;max-width:60rem}
h1{font-size:1.5rem} table{border-collapse:collapse;width:100%} td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
.en{color:#666;font-size:.85em} code{background:#f3f3f3;padding:0 .2rem}
</style></head><body>
<h1>演练服务器 <span class="en">yanlian drill server ${esc(version)}</span></h1>
${
    appBuilt
      ? `<p><a href="/">进入网页应用（导调台、演练人员界面）</a><br><span class="en"><a href="/">Open the web app (trainer console, trainee screens)</a></span></p>`
      : `<p>网页应用（导调台、演练人员界面）尚未构建（<code>npm run build</code>）；本页仅显示服务器状态。通过 HTTP API 与 WebSocket 接入。<br>
<span class="en">The web app (trainer console, trainee screens) is not built (<code>npm run build</code>); this page shows the server's status only. Use the HTTP API and the WebSocket.</span></p>`
  }
<h2>演练 <span class="en">Drills</span></h2>
<table><thead><tr><th>名称 <span class="en">title</span></th><th>模式 <span class="en">mode</span></th><th>阶段 <span class="en">phase</span></th><th>推演时间 <span class="en">sim time</span></th><th>倍速 <span class="en">speed</span></th><th>在线 <span class="en">online</span></th></tr></thead>
<tbody>${rows || '<tr><td colspan="6">暂无演练 <span class="en">no drills yet</span></td></tr>'}</tbody></table>
<h2>接口 <span class="en">API</span></h2>
<ul>
<li><code>POST /api/drills</code> 创建演练（导调设密码）<span class="en">create a drill (trainer sets a password)</span></li>
<li><code>POST /api/join</code> 凭演练码加入，获得角色令牌 <span class="en">join with the drill code, get a role token</span></li>
<li><code>GET /ws</code> WebSocket：先发 <code>{"type":"hello","token":…,"since":…}</code> <span class="en">send hello first, then receive events from your cursor</span></li>
<li><code>GET /api/drill</code>, <code>/api/drill/events</code>, <code>/api/drill/report.html</code> … <span class="en">with <code>Authorization: Bearer &lt;token&gt;</code></span></li>
</ul>
</body></html>`;
}
