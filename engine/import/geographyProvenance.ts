import type { ImportContext } from './importContext.ts';
import type { ImportedSites } from './importSites.ts';
import type { ImportedVillage } from './importVillages.ts';
import { rowRanges } from './rowRanges.ts';

/**
 * The provenance of the geography: villages' and townships' figures (first, before the
 * registers' entries), then roads' speeds, links' and sites' assumed susceptibilities and cut
 * probabilities, elevations (adding the DEM as a source where it gave one) and an imported
 * earthquake's epicentre.
 */
export function addGeographyProvenance(cx: ImportContext, villages: readonly ImportedVillage[], imported: ImportedSites): void {
  const { input, roads, tpl, bufferKm, provenance } = cx;
  const vs = input.villages!;
  const { sites, cutsFromFile } = imported;
  provenance.unshift(
    ...(villages.length > 0
      ? [
          {
            paths: ['region.villages.*.population', 'region.villages.*.position.*', ...(villages.every((v) => v.elevation.from === 'file') ? ['region.villages.*.elevationM'] : [])],
            source: 'villages',
            note: `${vs.file} 第 ${rowRanges(villages.map((v) => v.row.row))} 行, in order: region.villages.k is the k-th of these rows (rows ${rowRanges(villages.map((v) => v.row.row))}); columns ${villages[0]!.row.columns.population}, ${villages[0]!.row.columns.position}.`,
          },
        ]
      : []),
    { paths: ['region.townships.*.population'], source: 'villages', note: `Sum of the township’s villages in ${vs.file}.` },
    { paths: ['region.townships.*.position.*'], source: 'villages', note: `The position of the township’s most populous village in ${vs.file} (taken as its seat).` },
    { paths: ['roads.nodes.*.position.*'], source: 'roads', note: `Line ends, crossings and T-junctions of ${roads.file}, joined within ${roads.snapM} m (mean of the joined points).` },
    { paths: ['roads.links.*.lengthKm'], source: 'roads', note: `Length along the geometry (great circle) of the feature the link id names: link rN or rN-k is (a piece of) ${roads.file} feature N${roads.links.some((l) => l.lengthFromAttribute) ? '; or the length_km attribute of a feature that is one link (as export-gis writes it)' : ''}.` },
  );
  const speedFromAttr = roads.links.map((l, i) => (l.speedFromAttribute ? i : -1)).filter((i) => i >= 0);
  // explicit paths for a few attribute speeds; past that many patterns would slow every validation, so one entry says both
  const fewSpeeds = speedFromAttr.length <= 200;
  if (speedFromAttr.length > 0)
    provenance.push({
      paths: speedFromAttr.length === roads.links.length || !fewSpeeds ? ['roads.links.*.speedKmh'] : speedFromAttr.map((i) => `roads.links.${i}.speedKmh`),
      source: 'roads',
      note: `The speed attribute of the link’s feature in ${roads.file}${speedFromAttr.length < roads.links.length && !fewSpeeds ? `; the ${roads.links.length - speedFromAttr.length} links whose feature has none take their road class default (assumed, docs/import.md)` : ''}.`,
    });
  if (speedFromAttr.length < roads.links.length && fewSpeeds)
    provenance.push({ paths: ['roads.links.*.speedKmh'], source: 'assumed', note: 'Default speed of the feature’s road class (docs/import.md): 高速 100, 国道 70, 省道 60, 县道 50, 乡道 40, 村道 30, 专用公路 30, 机耕道 15 km/h; unknown classes as 村道. Typical hilly-county travel speeds below the JTG B01-2014 design speeds.' });
  provenance.push({ paths: ['roads.links.*.susceptibility'], source: 'assumed', note: `Template: ${tpl.linkSusceptibility} for a link no site threatens; else the largest susceptibility of the sites within ${Math.round(bufferKm * 1000)} m.` });
  const elevFrom = new Set(villages.map((v) => v.elevation.from));
  if (elevFrom.has('dem')) cx.sources.dem = { title: `数字高程模型 ${input.dem!.file}（导入）`, file: input.dem!.file };
  provenance.push({
    paths: ['region.**.elevationM'],
    source: elevFrom.has('dem') ? 'dem' : elevFrom.has('file') && elevFrom.size === 1 ? 'villages' : 'assumed',
    note: elevFrom.has('dem') ? `Sampled from ${input.dem!.file} at each position (nearest cell); ${tpl.flatElevationM} m outside it.` : elevFrom.has('flat') ? `No DEM (--dem): flat ${tpl.flatElevationM} m where the register gives no elevation.` : `The elevation column of ${vs.file}.`,
  });
  if (sites.length > 0) {
    provenance.push({ paths: ['hazardSites.*.susceptibility'], source: 'assumed', note: `Template by 规模等级: 小型 ${tpl.siteSusceptibility.小型}, 中型 ${tpl.siteSusceptibility.中型}, 大型 ${tpl.siteSusceptibility.大型}, 特大型 ${tpl.siteSusceptibility.特大型}, none given ${tpl.siteSusceptibility.none}.` });
    const cutsAssumed = sites.some((x, i) => x.cuts.length > 0 && !cutsFromFile.includes(i));
    if (cutsFromFile.some((i) => sites[i]!.cuts.length > 0))
      provenance.push({ paths: cutsAssumed ? cutsFromFile.filter((i) => sites[i]!.cuts.length > 0).map((i) => `hazardSites.${i}.cuts.*.probability`) : ['hazardSites.*.cuts.*.probability'], source: 'sites', note: `The 阻断路段 (cuts) column of ${input.sites!.file}: link id and P(link blocked | site fails).` });
    if (cutsAssumed)
      provenance.push({ paths: ['hazardSites.*.cuts.*.probability'], source: 'assumed', note: `Template: P(link blocked | site fails) ${tpl.cutProbability.near} at the site falling linearly to ${tpl.cutProbability.edge} at ${Math.round(bufferKm * 1000)} m; the ${tpl.maxCutsPerSite} nearest links at most.` });
  }
  if (tpl.hazard.kind === 'earthquake') provenance.push({ paths: ['hazard.epicentre.*'], source: 'assumed', note: `Template ${tpl.id}: the design earthquake is placed at the centre of ${roads.file}'s extent; replace it with the county's own scenario earthquake (e.g. its nearest active fault).` });
}
