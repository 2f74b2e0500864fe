import { formatProblem, type Lang } from '../../engine/index.ts';
import { loadScenarioFile } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';

/** `yanlian validate FILE`: 0 when valid (warnings printed), 2 with every located problem. */
export function validateCommand(file: string, lang: Lang): void {
  const r = loadScenarioFile(file, lang);
  if (!r.ok) {
    for (const p of r.problems) process.stdout.write(formatProblem(p) + '\n');
    const errors = r.problems.filter((p) => p.severity === 'error').length;
    throw new CliExit(EXIT.badInput, msg(lang, 'invalid', { file, count: errors }));
  }
  for (const p of r.warnings) process.stdout.write(formatProblem(p) + '\n');
  process.stdout.write(msg(lang, 'valid', { file, warnings: r.warnings.length }) + '\n');
}
