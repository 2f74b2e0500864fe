import type { Lang } from '../../engine/index.ts';

/** Every string the drill server and `yanlian serve` show, zh-CN first. `{x}` takes a parameter. */
const catalog = {
  badRequest: { zh: '请求格式错误：{detail}', en: 'malformed request: {detail}' },
  badJson: { zh: '消息不是有效的 JSON', en: 'the message is not valid JSON' },
  tooLarge: { zh: '消息过大', en: 'message too large' },
  unknownType: { zh: '未知的消息类型：{detail}', en: 'unknown message type: {detail}' },
  needHello: { zh: '请先发送 hello 消息完成认证', en: 'send a hello message with your token first' },
  badToken: { zh: '令牌无效、已撤销或不属于本演练', en: 'the token is invalid, revoked or for another drill' },
  forbidden: { zh: '您的角色（{role}）无权执行此操作', en: 'your role ({role}) may not do this' },
  scriptBlind: { zh: '导调已设置自盲：脚本在发布前不可见', en: 'the director is blinded: the script stays hidden until released' },
  unknownDrill: { zh: '演练码无效', en: 'unknown drill code' },
  badPassword: { zh: '密码错误', en: 'wrong password' },
  weakPassword: { zh: '密码至少 6 个字符', en: 'the password needs at least 6 characters' },
  rateLimited: { zh: '尝试次数过多，请 {seconds} 秒后再试', en: 'too many attempts; try again in {seconds} s' },
  floodLimited: { zh: '消息过于频繁，已丢弃', en: 'too many messages; dropped' },
  badPosition: { zh: '演练人员须选择一个有效岗位', en: 'a trainee needs a valid position' },
  badScenario: { zh: '场景无效：{detail}', en: 'invalid scenario: {detail}' },
  modelNoDrill: {
    zh: '该场景属于“{modelZh}”模型，演练服务器尚不能组织这种模型的在线演练（岗位、战争迷雾与情景注入目前只有县域灾害链模型有）；可用 yanlian run / simulate 运行它，或在复盘回放中查看',
    en: 'this scenario is for the {modelEn} model, which the drill server cannot host as a live drill yet (positions, fog of war and injects exist for the county disaster-chain model only); run it with yanlian run / simulate, or view it in playback',
  },
  unknownScenario: { zh: '没有名为 {detail} 的内置场景', en: 'no built-in scenario named {detail}' },
  badConfig: { zh: '演练配置无效：{detail}', en: 'invalid drill configuration: {detail}' },
  drillBroken: { zh: '演练日志无法恢复，只读：{detail}', en: 'the drill log could not be restored; read-only: {detail}' },
  notDebriefed: { zh: '复盘之前不能查看', en: 'not available before the debrief' },
  notFound: { zh: '未找到', en: 'not found' },
  internal: { zh: '服务器内部错误', en: 'internal server error' },
  listening: { zh: '演练服务器已启动：http://{host}:{port}/ （数据库 {db}）', en: 'drill server listening on http://{host}:{port}/ (database {db})' },
  recovered: { zh: '已恢复 {count} 个演练（其中 {running} 个进行中）', en: 'restored {count} drills ({running} running)' },
  recoverFailed: { zh: '演练 {id} 无法恢复：{detail}', en: 'drill {id} could not be restored: {detail}' },
  stopping: { zh: '正在关闭演练服务器…', en: 'stopping the drill server…' },
  badPort: { zh: '端口无效：{detail}', en: 'invalid port: {detail}' },
  cannotListen: { zh: '无法监听 {host}:{port}：{detail}', en: 'cannot listen on {host}:{port}: {detail}' },
  serveDesc: { zh: '启动演练服务器（默认 127.0.0.1:8080，SQLite 单文件数据库）', en: 'start the drill server (127.0.0.1:8080 by default, one SQLite file)' },
  optPort: { zh: '监听端口（默认 8080）', en: 'port to listen on (default 8080)' },
  optHost: { zh: '监听地址（默认 127.0.0.1，仅本机）', en: 'address to listen on (default 127.0.0.1, this machine only)' },
  optDb: { zh: '数据库文件（默认 yanlian-drills.sqlite）', en: 'database file (default yanlian-drills.sqlite)' },
  optMaxSpeed: { zh: '允许的最高倍速（默认 3600；仅供压力测试调高）', en: 'highest clock speed allowed (default 3600; raise only for load tests)' },
  badMaxSpeed: { zh: '最高倍速无效：{detail}', en: 'invalid maximum speed: {detail}' },
  cannotOpenDb: { zh: '无法打开数据库 {db}：{detail}', en: 'cannot open database {db}: {detail}' },
  // joining by position (岗位码) and the observers' view
  positionCodeNeeded: { zh: '演练人员请用导调发给本岗位的加入链接或岗位码加入（演练码只用于观摩和导调、评估）', en: 'trainees join with the link or code the director sent for their position (the drill code is for observers, directors and evaluators)' },
  positionCodeRole: { zh: '岗位码只能以演练人员身份加入', en: 'a position code joins as a trainee only' },
  // creating drills (admin token, caps) and request limits
  needAdminToken: { zh: '创建演练需要服务器管理口令（启动服务器时显示在控制台上）', en: 'creating a drill needs the server admin token (printed on the server console at start)' },
  badAdminToken: { zh: '服务器管理口令不正确', en: 'wrong server admin token' },
  createRateLimited: { zh: '创建演练过于频繁，请 {seconds} 秒后再试', en: 'drills are being created too fast; try again in {seconds} s' },
  createBusy: { zh: '服务器正在载入其他场景，请稍后再试', en: 'the server is loading other scenarios; try again shortly' },
  tooManyDrafts: { zh: '尚未开始的演练已达上限（{max} 个）：请先开始或结束其中一个', en: 'too many drills not yet started (limit {max}): start or end one first' },
  scenarioTooLarge: { zh: '场景文件过大（{size} KiB，上限 {max} KiB）', en: 'the scenario file is too large ({size} KiB; limit {max} KiB)' },
  scenarioUnloadable: { zh: '场景无法载入（过大、嵌套过深或超时）：{detail}', en: 'the scenario could not be loaded (too large, too deeply nested or too slow): {detail}' },
  tooManyRequests: { zh: '请求过于频繁，请 {seconds} 秒后再试', en: 'too many requests; try again in {seconds} s' },
  adminToken: { zh: '服务器管理口令（创建演练时填写）：{token}', en: 'server admin token (to create drills): {token}' },
  adminTokenGiven: { zh: '服务器管理口令：使用 --admin-token / YANLIAN_ADMIN_TOKEN 所设置的口令', en: 'server admin token: the one set by --admin-token / YANLIAN_ADMIN_TOKEN' },
  optAdminToken: { zh: '创建演练所需的管理口令（至少 12 个字符；也可用环境变量 YANLIAN_ADMIN_TOKEN；默认每次启动随机生成并显示）', en: 'admin token needed to create drills (12+ characters; or env YANLIAN_ADMIN_TOKEN; by default a new one is generated and printed at each start)' },
  optMaxDrafts: { zh: '尚未开始的演练数量上限（默认 20）', en: 'most drills not yet started at once (default 20)' },
  badAdminTokenOpt: { zh: '管理口令至少 12 个字符', en: 'the admin token needs at least 12 characters' },
  badMaxDrafts: { zh: '未开始演练上限无效：{detail}', en: 'invalid maximum of drills not yet started: {detail}' },
} as const;

export type ServerMessage = keyof typeof catalog;

/** Formats a server message; pure. */
export function smsg(lang: Lang, key: ServerMessage, params: Record<string, string | number> = {}): string {
  return catalog[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** A client-facing error: a stable code plus both languages. */
export interface ApiError {
  code: string;
  zh: string;
  en: string;
}

export function apiError(key: ServerMessage, params: Record<string, string | number> = {}, code: string = key): ApiError {
  return { code, zh: smsg('zh', key, params), en: smsg('en', key, params) };
}
