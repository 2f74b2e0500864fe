import type { Lang } from '../../engine/index.ts';

/** Every string the CLI prints, zh-CN first. `{x}` is replaced by a parameter. */
const catalog = {
  valid: { zh: '{file}：场景有效（{warnings} 条提示）', en: '{file}: scenario is valid ({warnings} warnings)' },
  invalid: { zh: '{file}：发现 {count} 个问题', en: '{file}: {count} problem(s) found' },
  badSeed: {
    zh: '种子无效："{seed}"（应为 0 至 4294967295 的整数，或非数字的文本）',
    en: 'invalid seed "{seed}" (an integer 0 to 4294967295, or non-numeric text)',
  },
  logWritten: { zh: '事件日志已写入 {file}（{events} 条事件）', en: 'event log written to {file} ({events} events)' },
  cannotWrite: { zh: '无法写入 {file}：{detail}', en: 'cannot write {file}: {detail}' },
  cannotRead: { zh: '无法读取 {file}：{detail}', en: 'cannot read {file}: {detail}' },
  decisionsPlayed: {
    zh: '记录的决策：执行 {applied} 条，被拒绝 {refused} 条（{codes}）',
    en: 'recorded decisions: {applied} applied, {refused} refused ({codes})',
  },
  badLog: { zh: '{file}:{line}: 不是有效的 yanlian 事件日志：{reason}', en: '{file}:{line}: not a valid yanlian event log: {reason}' },
  logEmpty: { zh: '文件为空', en: 'the file is empty' },
  logJson: { zh: '第一行不是 JSON', en: 'the first line is not JSON' },
  logManifest: {
    zh: '第一行不是 yanlian 清单（需有 engineVersion、scenario.id、scenario.sha256、seed）',
    en: 'the first line is not a yanlian manifest (it needs engineVersion, scenario.id, scenario.sha256, seed)',
  },
  logTrailer: {
    zh: '最后一行应为结尾行 {"type":"end","events":条数,"sha256":"64 位十六进制"}（日志被截断或改动？）',
    en: 'the last line should be the trailer {"type":"end","events":count,"sha256":"64 hex digits"} (is the log truncated or edited?)',
  },
  logCount: { zh: '结尾行记录 {expected} 条事件，日志中有 {actual} 条', en: 'the trailer records {expected} events, the log has {actual}' },
  logHash: {
    zh: '结尾行记录的 SHA-256（{expected}…）与第 2–{last} 行事件的 SHA-256（{actual}…）不符：日志写出后被改动或损坏',
    en: "the trailer's SHA-256 ({expected}…) does not match that of the event lines 2–{last} ({actual}…): the log was changed or damaged after it was written",
  },
  scenarioChanged: {
    zh: '场景文件 {file} 已改变（SHA-256 {actual}，日志记录的是 {expected}）；可用 --scenario 指定原文件',
    en: 'scenario file {file} has changed (SHA-256 {actual}, the log recorded {expected}); pass the original with --scenario',
  },
  replayManifest: {
    zh: '重放不一致：清单字段 {field} 不同（日志：{logged}，本次运行应为：{expected}）',
    en: 'replay differs in the manifest field {field} (log: {logged}, a run now writes: {expected})',
  },
  fieldAbsent: { zh: '（无此字段）', en: '(absent)' },
  replayOk: { zh: '重放一致：{events} 条事件逐字节相同', en: 'replay identical: all {events} events match byte for byte' },
  replayDiff: {
    zh: '重放不一致：第 {seq} 条事件不同\n  日志：{expected}\n  重放：{actual}',
    en: 'replay differs at event {seq}\n  log:    {expected}\n  replay: {actual}',
  },
  replayLength: {
    zh: '重放不一致：日志有 {expected} 条事件，重放得到 {actual} 条',
    en: 'replay differs: the log has {expected} events, the replay {actual}',
  },
  badInteger: {
    zh: '{option} 应为 {min} 至 {max} 的整数，收到 "{value}"',
    en: '{option} must be an integer from {min} to {max}, got "{value}"',
  },
  badUntilSe: {
    zh: '--until-se 应为大于 0 且不超过 0.5 的数（标准误，如 0.01），收到 "{value}"',
    en: '--until-se must be a number above 0 and at most 0.5 (a standard error, e.g. 0.01), got "{value}"',
  },
  simStart: {
    zh: '开始模拟：{trials} 次试验，每块 {chunk} 次，{workers} 个工作线程',
    en: 'simulating {trials} trials in chunks of {chunk} on {workers} worker(s)',
  },
  simProgress: { zh: '模拟进度：{done}/{total} 次（{pct}%）', en: 'progress: {done}/{total} trials ({pct}%)' },
  simInterrupt: {
    zh: '收到中断信号：当前分块完成后停止，并写出已完成部分的汇总（再按一次 Ctrl-C 立即退出，不写结果）',
    en: 'interrupt: stopping after the current chunk and writing the summary so far (press Ctrl-C again to quit at once, writing nothing)',
  },
  simPartial: {
    zh: '已中断：汇总只含前 {done} 次试验，已标记 partial: true',
    en: 'interrupted: the summary covers the first {done} trials and is marked partial: true',
  },
  simDone: { zh: '完成 {done} 次试验，用时 {secs} 秒', en: '{done} trials done in {secs} s' },
  jsonWritten: { zh: '汇总已写入 {file}', en: 'summary written to {file}' },
  csvWritten: { zh: '逐次结果已写入 {file}（{rows} 行）', en: 'per-trial rows written to {file} ({rows} rows)' },
  reportWritten: { zh: '报告已写入 {file}（{kb} KB，{charts} 幅图）', en: 'report written to {file} ({kb} KB, {charts} charts)' },
  sweepNeedsSet: {
    zh: 'sweep 至少需要一个 --set 路径=值1,值2,…（如 --set reserves.warehouses.0.stock.tent=60,90,120）',
    en: 'sweep needs at least one --set path=v1,v2,… (e.g. --set reserves.warehouses.0.stock.tent=60,90,120)',
  },
  setSyntax: {
    zh: '--set "{set}" 格式不对：应为 路径=值1,值2,…（如 reserves.warehouses.*.stock.*=x0.5,x1.5）',
    en: '--set "{set}" is malformed: it should be path=v1,v2,… (e.g. reserves.warehouses.*.stock.*=x0.5,x1.5)',
  },
  setBadPath: { zh: '--set "{set}"：路径 "{path}" 有空的一段', en: '--set "{set}": path "{path}" has an empty segment' },
  setBadValue: {
    zh: '--set "{set}"：取值 "{value}" 无效（应为数值、true/false、文本，或 x 加非负倍数如 x0.5）',
    en: '--set "{set}": value "{value}" is not valid (a number, true/false, text, or x and a non-negative factor such as x0.5)',
  },
  setNoSuchKey: {
    zh: '--set {path}：场景文件中 {at} 下没有 "{key}"（现有：{keys}）',
    en: '--set {path}: the scenario file has no "{key}" under {at} (it has: {keys})',
  },
  setNoSuchIndex: {
    zh: '--set {path}：{at} 没有第 {index} 项（共 {count} 项，从 0 数起）',
    en: '--set {path}: {at} has no item {index} ({count} items, counted from 0)',
  },
  setNotContainer: { zh: '--set {path}：{at} 是单个值，路径不能再往下', en: '--set {path}: {at} is a single value; the path cannot go further' },
  setWildcardEmpty: { zh: '--set {path}：{at} 为空，* 没有匹配到任何项', en: '--set {path}: {at} is empty, so * matches nothing' },
  setCannotScale: {
    zh: '--set {path}：{at} 的值 {found} 不是数值，不能按倍数缩放',
    en: '--set {path}: {at} holds {found}, not a number, so it cannot be scaled',
  },
  setNotLeaf: {
    zh: '--set {path}：{at} 是对象或列表，不是单个值；请写到具体字段（可用 *）',
    en: '--set {path}: {at} is an object or a list, not a single value; name a field (* is allowed)',
  },
  sweepInvalid: {
    zh: '{file}：--set {path}={value} 使场景无效（{count} 个问题；行列号指原文件中的位置）',
    en: '{file}: --set {path}={value} makes the scenario invalid ({count} problem(s); lines and columns point into the original file)',
  },
  sweepStart: {
    zh: '参数扫描：{params} 个参数，共 {runs} 次运行（含基准），每次 {trials} 次试验，主种子均为 {seed}（公共随机数）',
    en: 'sweep: {params} parameter(s), {runs} runs (base included), {trials} trials each, all with master seed {seed} (common random numbers)',
  },
  sweepRun: { zh: '运行 {i}/{n}：{label}', en: 'run {i}/{n}: {label}' },
  sweepRunDone: { zh: '  完成，用时 {secs} 秒', en: '  done in {secs} s' },
  sweepWritten: { zh: '扫描结果已写入 {file}', en: 'sweep written to {file}' },
  replayModel: {
    zh: '日志与场景文件 {file} 的模型不符（场景为 {model}）；可用 --scenario 指定原文件',
    en: 'the log and the scenario file {file} are for different models (the file is {model}); pass the original with --scenario',
  },
  evacNoSweep: {
    zh: '{file}：sweep 只适用于县域场景；建筑疏散场景（model: evacuation）请改动场景文件后分别运行 simulate 比较',
    en: '{file}: sweep works on county scenarios only; for a building scenario (model: evacuation) edit copies of the file and compare simulate runs',
  },
  usage: { zh: '用法错误：{detail}', en: 'usage error: {detail}' },
  // commander's errors in our words (commanderText.ts): {name} is the option, argument or command it quotes
  cmdMissingOption: { zh: '缺少必需的选项 {name}', en: 'required option {name} not specified' },
  cmdMissingArgument: { zh: '缺少必需的参数 {name}', en: 'missing required argument {name}' },
  cmdOptionNeedsValue: { zh: '选项 {name} 缺少取值', en: 'option {name} needs a value' },
  cmdUnknownOption: { zh: '未知选项 {name}；可用 --help 查看全部选项', en: 'unknown option {name}; see --help for the options' },
  cmdUnknownCommand: { zh: '未知命令 {name}；可用 --help 查看全部命令', en: 'unknown command {name}; see --help for the commands' },
  cmdExcessArguments: { zh: '参数过多：应为 {expected} 个，实际 {got} 个', en: 'too many arguments: expected {expected}, got {got}' },
  cmdConflictingOption: { zh: '选项冲突：{detail}', en: 'conflicting options: {detail}' },
  cmdInvalidArgument: { zh: '参数无效：{detail}', en: 'invalid argument: {detail}' },
  didYouMean: { zh: '（您是否要输入 {suggestion}？）', en: ' (did you mean {suggestion}?)' },
  internal: { zh: '内部错误：{detail}', en: 'internal error: {detail}' },
} as const;

export type CliMessage = keyof typeof catalog;

/** Formats a CLI message; pure. */
export function msg(lang: Lang, key: CliMessage, params: Record<string, string | number> = {}): string {
  return catalog[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
