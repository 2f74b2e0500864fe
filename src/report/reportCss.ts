/** The report's inline stylesheet: CJK font stack, A4 print rules; nothing is fetched. */
export const REPORT_CSS = `
:root { --ink: #1f2329; --muted: #646a73; --rule: #dee0e3; --head: #f2f3f5; --accent: #1d3f7a; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 210mm; padding: 14mm 14mm 20mm; color: var(--ink); background: #fff;
  font-family: "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;
  font-size: 14px; line-height: 1.6;
}
h1 { font-size: 24px; margin: 0 0 4px; color: var(--accent); letter-spacing: 0.02em; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 6px 0; }
.subtitle { font-size: 16px; margin: 0 0 8px; }
.facts { color: var(--muted); margin: 0 0 10px; }
.note { color: var(--muted); font-size: 12.5px; }
.banner { border: 2px solid #d7191c; color: #a61b1b; background: #fff3f3; padding: 8px 12px; margin: 10px 0; font-weight: bold; }
figure { margin: 10px 0 14px; }
figure svg { display: block; width: 100%; height: auto; max-width: 680px; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 2px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 12.5px; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { background: var(--head); font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: -0.1em; margin-right: 4px; border: 1px solid rgba(0,0,0,0.25); }
code { font-family: "SFMono-Regular",Consolas,"Liberation Mono",monospace; font-size: 12px; word-break: break-all; }
dl.manifest { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
dl.manifest dt { color: var(--muted); }
dl.manifest dd { margin: 0; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
