import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fx, repo } from './importCliSupport.ts';
import { parse } from 'yaml';
import { checkProvenance } from '../../engine/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'yanlian-template-'));
const registers = ['villages', 'sites', 'stores', 'teams', 'shelters'].flatMap((k) => [`--${k}`, fx(`${k}.csv`)]);

describe('import templates from the shipped scenarios', { timeout: 240_000 }, () => {
  for (const [template, shipped, kind] of [
    ['earthquake', 'shidian-earthquake.yaml', 'earthquake'],
    ['typhoon', 'pinghu-typhoon.yaml', 'rainstorm'],
  ] as const) {
    it(`--template ${template}: the hazard side of ${shipped}, every number cited, validates and runs`, () => {
      const out = join(dir, `${template}.yaml`);
      const r = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), ...registers, '--template', template, '--out', out);
      expect(r.code, r.out + r.err).toBe(0);
      const doc = parse(readFileSync(out, 'utf8'));
      const src = parse(readFileSync(join(repo, 'scenarios', shipped), 'utf8'));
      expect(doc.hazard.kind).toBe(kind);
      expect(doc.chain).toEqual(src.chain);
      expect(doc.warnings).toEqual(src.warnings);
      expect(doc.response).toEqual(src.response);
      expect(doc.targets).toEqual(src.targets);
      const prov = checkProvenance(doc);
      expect(prov.uncovered).toEqual([]);
      expect(prov.unused).toEqual([]);
      // the shipped scenario's citations travel with its numbers
      const cites = doc.provenance.filter((p: { note?: string }) => p.note?.includes(`from the shipped scenario ${shipped}`));
      expect(cites.length).toBeGreaterThan(3);
      for (const p of cites) if (p.source !== 'assumed') expect(doc.sources[p.source], p.source).toEqual(src.sources[p.source]);
      if (kind === 'earthquake') {
        // moved from 施甸 (99.19 °E) to the imported county, and said so
        expect(doc.hazard.epicentre[0]).toBeGreaterThan(104.9);
        expect(doc.provenance.find((p: { paths: string[] }) => p.paths.includes('hazard.epicentre.*')).source).toBe('assumed');
      }
      const v = cli('validate', out);
      expect(v.code, v.out + v.err).toBe(0);
      expect(v.out + v.err).not.toMatch(/没有注明来源|matches no number|未匹配/);
      const json = join(dir, `${template}.json`);
      const s = cli('simulate', out, '--trials', '20', '--seed', '7', '--json', json);
      expect(s.code, s.out + s.err).toBe(0);
      expect(JSON.parse(readFileSync(json, 'utf8')).trials ?? JSON.parse(readFileSync(json, 'utf8')).summary?.trials).toBe(20);
    });
  }

  it('an unknown template is refused with the ones there are', () => {
    const r = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), ...registers, '--template', 'volcano', '--out', join(dir, 'x.yaml'));
    expect(r.code).toBe(2);
    expect(r.err + r.out).toContain('rainstorm, earthquake, typhoon');
  });
});
