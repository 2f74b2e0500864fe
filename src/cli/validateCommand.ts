import { formatProblem, type Lang } from '../../engine/index.ts';
import { loadAnyScenarioFile } from '../../engine/node/anyScenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';

/** `yanlian validate FILE` (county or building scenario): 0 when valid (warnings printed), 2 with every located problem. */
export function validateCommand(file: string, lang: Lang): void {
  const r = loadAnyScenarioFile(file, lang);
  if (!r.ok) {
    for (const p of r.problems) process.stdout.write(formatProblem(p) + '\n');
    const errors = r.problems.filter((p) => p.severity === 'error').length;
    throw new CliExit(EXIT.badInput, msg(lang, 'invalid', { file, count: errors }));
  }
  for (const p of r.warnings) process.stdout.write(formatProblem(p) + '\n');
  process.stdout.write(msg(lang, 'valid', { file, warnings: r.warnings.length }) + '\n');
}
