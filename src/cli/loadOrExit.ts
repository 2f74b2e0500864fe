import { formatProblem, type Lang, type Scenario } from '../../engine/index.ts';
import { loadScenarioFileCached } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';

/** Loads a scenario for a command that needs a valid one; exits 2 with the problems otherwise. */
export function loadOrExit(file: string, lang: Lang): { scenario: Scenario; text: string } {
  const r = loadScenarioFileCached(file, lang);
  if (!r.ok) {
    for (const p of r.problems) process.stderr.write(formatProblem(p) + '\n');
    throw new CliExit(EXIT.badInput, msg(lang, 'invalid', { file, count: r.problems.filter((p) => p.severity === 'error').length }));
  }
  return { scenario: r.scenario, text: r.text ?? '' };
}
