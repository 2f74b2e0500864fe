import { Command, CommanderError } from 'commander';
// the version and the language only: the engine's index would load the whole engine (YAML, zod, XState) for `--help`
import { ENGINE_VERSION } from '../../engine/version.ts';
import { parseLang, type Lang } from '../../engine/i18n/lang.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';
import { commanderErrorText, localizeCommander } from './commanderText.ts';
import { smsg } from '../server/messages.ts';
import type { SimulateOptions } from './simulateCommand.ts';
import type { SweepOptions } from './sweepCommand.ts';
// Each command's module is imported when that command runs: the report (ECharts) and the
// server (Fastify, SQLite) cost seconds of start-up that `--help` or `validate` never use.

/** The language for messages: `--lang` anywhere on the command line, else zh-CN. */
function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh';
  const a = argv[i]!;
  return parseLang(a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1]);
}

const lang = langFromArgv(process.argv);
const zh = lang === 'zh';

// help, headings, the help and version options and commander's errors in the message language
const program = localizeCommander(new Command(), lang, ENGINE_VERSION)
  .name('yanlian')
  .description(zh ? '演练 — 应急演练与情景推演引擎' : 'yanlian — emergency drill and what-if simulation engine')
  .option('--lang <lang>', zh ? '界面语言：zh（默认）或 en' : 'language: zh (default) or en')
  .exitOverride()
  // commander's own error lines are replaced by ours (commanderErrorText); help it shows for a
  // bare `yanlian` still goes to stderr
  .configureOutput({ outputError: () => {} });

program
  .command('validate')
  .argument('<file>', zh ? '场景文件（YAML 或 JSON）' : 'scenario file (YAML or JSON)')
  .description(zh ? '校验场景文件：有效退出 0，无效退出 2 并逐条列出问题' : 'check a scenario file: exit 0 if valid, 2 with every problem located')
  .action(async (file: string) => (await import('./validateCommand.ts')).validateCommand(file, lang));

program
  .command('run')
  .argument('<file>', zh ? '场景文件' : 'scenario file')
  .requiredOption('--seed <seed>', zh ? '随机种子（整数或文本）' : 'random seed (integer or text)')
  .option('--log <out.jsonl>', zh ? '写出事件日志（JSON Lines，原子写入）' : 'write the event log (JSON Lines, atomically)')
  .option('--json', zh ? '以 JSON 输出结果' : 'print the outcome as JSON')
  .option(
    '--decisions <file>',
    zh
      ? '回放一次演练记录的决策（YAML/JSON：[{ t, by, decision }]，县域场景 t 为模拟分钟、建筑场景为起火后秒数；默认 manual：只执行这些决策）'
      : "play a drill's recorded decisions (YAML/JSON: [{ t, by, decision }]; t in simulated minutes for a county, seconds since ignition for a building; manual by default: only these act)",
  )
  .description(zh ? '以给定种子运行一次推演' : 'run one trial with the given seed')
  .action(async (file: string, opts: { seed: string; log?: string; json?: boolean; decisions?: string }) => (await import('./runCommand.ts')).runCommand(file, opts, lang));

program
  .command('simulate')
  .argument('<file>', zh ? '场景文件' : 'scenario file')
  .requiredOption('--trials <n>', zh ? '试验次数（使用 --until-se 时为上限）' : 'number of trials (the most, with --until-se)')
  .requiredOption('--seed <seed>', zh ? '主随机种子（整数或文本）；第 i 次试验的种子由它和 i 导出' : 'master seed (integer or text); trial i gets a seed derived from it and i')
  .option('--workers <w>', zh ? '工作线程数 1–64（默认：少于 2000 次时为 1，否则为 CPU 核数）；结果与线程数无关' : 'worker threads 1–64 (default: 1 below 2,000 trials, else the CPU cores); results do not depend on it')
  .option('--chunk <c>', zh ? '每块试验次数（默认约为总数的 1%）' : 'trials per chunk (default: about 1% of the trials)')
  .option('--json <out.json>', zh ? '写出 JSON 汇总（原子写入）' : 'write the JSON summary (atomically)')
  .option('--csv <out.csv>', zh ? '写出逐次结果 CSV（UTF-8 BOM、CRLF，Excel/WPS 可直接打开）' : 'write one CSV row per trial (UTF-8 BOM, CRLF, opens in Excel/WPS)')
  .option('--until-se <x>', zh ? '所有主要概率的标准误 ≤ x 时提前停止（按块检查）' : 'stop once every headline probability has a standard error ≤ x (checked per chunk)')
  .option('--report <out.html>', zh ? '写出独立 HTML 报告（内嵌 SVG 图表，离线可开，可打印 A4）' : 'write a self-contained HTML report (inline SVG charts, opens offline, prints on A4)')
  .option('--queue <redis-url>', zh ? '在 Redis 队列（BullMQ）上分片运行，如 redis://:密码@10.0.0.5:6379；由 yanlian worker 进程计算，结果与本机运行逐字节相同' : 'run as shards on a Redis queue (BullMQ), e.g. redis://:pass@10.0.0.5:6379; yanlian worker processes compute them, the result is byte-identical to a local run')
  .option('--shard-size <n>', zh ? '使用 --queue 时每个分片的试验次数（默认同 --chunk）' : 'trials per shard with --queue (default as --chunk)')
  .description(zh ? '蒙特卡洛模拟：物资断货概率、目标达成概率与响应时间分布' : 'Monte Carlo: stock-out probabilities, target attainment and response-time distributions')
  .action(async (file: string, opts: SimulateOptions) => (await import('./simulateCommand.ts')).simulateCommand(file, opts, lang));

program
  .command('sweep')
  .argument('<file>', zh ? '场景文件' : 'scenario file')
  .option(
    '--set <path=values>',
    zh
      ? '扫描的参数：场景文件中的路径=值1,值2,…（可重复；* 匹配全部项，x0.5 表示乘以 0.5），如 reserves.warehouses.*.stock.*=x0.5,x1.5'
      : 'a parameter to sweep: path in the scenario file=v1,v2,… (repeatable; * matches every item, x0.5 multiplies by 0.5), e.g. reserves.warehouses.*.stock.*=x0.5,x1.5',
    (v: string, prev: string[] = []) => [...prev, v],
  )
  .requiredOption('--trials <n>', zh ? '每次运行的试验次数' : 'trials per run')
  .requiredOption('--seed <seed>', zh ? '主随机种子；各次运行相同（公共随机数）' : 'master seed, the same for every run (common random numbers)')
  .option('--workers <w>', zh ? '工作线程数 1–64（默认同 simulate）' : 'worker threads 1–64 (default as for simulate)')
  .option('--chunk <c>', zh ? '每块试验次数（默认约为总数的 1%）' : 'trials per chunk (default: about 1% of the trials)')
  .option('--json <out.json>', zh ? '写出扫描结果 JSON（含每次运行的汇总与龙卷风排序，原子写入）' : 'write the sweep as JSON (every run summary and the tornado ranking, atomically)')
  .option('--report <out.html>', zh ? '写出含龙卷风图的 HTML 报告（基准运行）' : 'write the HTML report of the base run with the tornado')
  .option('--queue <redis-url>', zh ? '各次运行在 Redis 队列（BullMQ）上分片计算（同 simulate）' : 'run every sweep run as shards on a Redis queue (BullMQ), as simulate does')
  .option('--shard-size <n>', zh ? '使用 --queue 时每个分片的试验次数（默认同 --chunk）' : 'trials per shard with --queue (default as --chunk)')
  .description(zh ? '参数扫描：同一组种子下逐个改变参数，比较主要估计值并按影响排序（龙卷风表）' : 'parameter sweep: change one parameter at a time under the same seeds, compare the headline estimates and rank the parameters (tornado)')
  .action(async (file: string, opts: SweepOptions) => (await import('./sweepCommand.ts')).sweepCommand(file, opts, lang));

program
  .command('worker')
  .requiredOption('--queue <redis-url>', zh ? 'Redis 队列地址，如 redis://:密码@10.0.0.5:6379' : 'the Redis queue, e.g. redis://:pass@10.0.0.5:6379')
  .option('--concurrency <c>', zh ? '同时计算的分片数 1–64（默认 CPU 核数）' : 'shards computed at once 1–64 (default: the CPU cores)')
  .description(zh ? '队列工作进程：计算 simulate/sweep --queue 发布的分片，Ctrl-C 在当前分片完成后退出' : 'queue worker: computes the shards that simulate/sweep --queue publish; Ctrl-C exits after the current shards')
  .action(async (opts: { queue: string; concurrency?: string }) => (await import('./workerCommand.ts')).workerCommand(opts, lang));

program
  .command('replay')
  .argument('<log>', zh ? '事件日志（run --log 的输出）' : 'event log written by run --log')
  .option('--scenario <file>', zh ? '场景文件（默认取日志清单中的路径）' : 'scenario file (default: the path in the manifest)')
  .description(zh ? '按日志清单重放并逐条比对事件；一致退出 0' : 're-run from the manifest and compare every event; exit 0 if identical')
  .action(async (log: string, opts: { scenario?: string }) => (await import('./replayCommand.ts')).replayCommand(log, opts, lang));

program
  .command('import')
  .option('--division <code>', zh ? '县级 GB/T 2260 代码（6 位），如 512022' : 'county GB/T 2260 code (6 digits), e.g. 512022')
  .option('--roads <file>', zh ? '道路图层：GeoJSON 或 Shapefile（.shp 旁需 .dbf），经纬度' : 'road layer: GeoJSON or Shapefile (.dbf beside the .shp), longitude–latitude')
  .option('--villages <file>', zh ? '村（社区）名册 .xlsx/.csv：代码或名称、人口、经纬度' : 'villages register .xlsx/.csv: code or name, population, position')
  .option('--sites <file>', zh ? '地质灾害隐患点台账 .xlsx/.csv' : 'geohazard sites register .xlsx/.csv')
  .option('--stores <file>', zh ? '救灾物资仓库名册 .xlsx/.csv' : 'relief stores register .xlsx/.csv')
  .option('--teams <file>', zh ? '救援队伍名册 .xlsx/.csv' : 'rescue teams register .xlsx/.csv')
  .option('--shelters <file>', zh ? '避难场所名册 .xlsx/.csv' : 'shelters register .xlsx/.csv')
  .option('--dem <file>', zh ? '数字高程模型 GeoTIFF（经纬度），可选' : 'elevation model GeoTIFF (longitude–latitude), optional')
  .option('--template <name>', zh ? '情景模板：rainstorm（默认）、earthquake、typhoon、fire-season（隐患点名册为林区）' : 'scenario template: rainstorm (default), earthquake, typhoon, fire-season (the sites register holds forest compartments)')
  .option('--divisions <file>', zh ? '区划表 JSON（默认取 scenarios/data/*-divisions.json）' : 'division table JSON (default: scenarios/data/*-divisions.json)')
  .option('--snap <m>', zh ? '道路端点捕捉容差，米（默认 20）' : 'road end snapping tolerance, metres (default 20)')
  .option('--buffer <m>', zh ? '隐患点影响道路的距离，米（默认 200）' : 'distance within which a hazard site threatens a road, metres (default 200)')
  .option('--out <file>', zh ? '输出的场景 YAML（原子写入；有错误时不写）' : 'scenario YAML to write (atomically; nothing on error)')
  .option('--templates <dir>', zh ? '只写出五种名册的空白 xlsx 模板到目录' : 'only write the five blank register templates (xlsx) into a folder')
  .description(zh ? '由本县 GIS 道路图层和名册生成完整场景（每个数字注明来源文件和行）' : "build a complete scenario from a county's road layer and registers (every number names its file and row)")
  .action(async (opts: import('./importCommand.ts').ImportOptions) => (await import('./importCommand.ts')).importCommand(opts, lang));

program
  .command('export-gis')
  .argument('<file>', zh ? '场景 YAML' : 'scenario YAML')
  .option('--out <dir>', zh ? '输出目录：roads.geojson 及各名册的 .geojson（点）和 .xlsx，可直接再导入' : 'folder to write: roads.geojson and each register as .geojson (points) and .xlsx, ready to import again')
  .description(zh ? '把场景的路网和名册写成 import 所读的 GIS 图层和表格（在 QGIS/Excel 中修改后重新导入）' : 'write the scenario’s roads and registers as the GIS layers and sheets import reads (fix them in QGIS/Excel, import again)')
  .action(async (file: string, opts: { out?: string }) => (await import('./exportGisCommand.ts')).exportGisCommand(file, opts, lang));

program
  .command('serve')
  .option('--port <port>', smsg(lang, 'optPort'))
  .option('--host <host>', smsg(lang, 'optHost'))
  .option('--db <file>', smsg(lang, 'optDb'))
  .option('--max-speed <x>', smsg(lang, 'optMaxSpeed'))
  .option('--admin-token <token>', smsg(lang, 'optAdminToken'))
  .option('--max-drafts <n>', smsg(lang, 'optMaxDrafts'))
  .description(smsg(lang, 'serveDesc'))
  .action(async (opts: { port?: string; host?: string; db?: string; maxSpeed?: string; adminToken?: string; maxDrafts?: string }) => (await import('./serveCommand.ts')).serveCommand(opts, lang));

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliExit) {
    process.stderr.write(e.message + '\n');
    process.exitCode = e.code;
  } else if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) process.exitCode = 0;
    else if (e.code === 'commander.help') process.exitCode = EXIT.badInput; // the help is already on stderr
    else {
      const text = commanderErrorText(e, lang);
      process.stderr.write((text.startsWith(msg(lang, 'usage', { detail: '' })) ? text : msg(lang, 'usage', { detail: text })) + '\n');
      process.exitCode = EXIT.badInput;
    }
  } else {
    process.stderr.write(msg(lang, 'internal', { detail: e instanceof Error ? e.message : String(e) }) + '\n');
    process.exitCode = EXIT.internal;
  }
}
