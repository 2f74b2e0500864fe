import { Help, type Command, type CommanderError, type Option } from 'commander';
import type { Lang } from '../../engine/index.ts';
import { msg, type CliMessage } from './messages.ts';

/** commander's help headings (lib/help.js `formatHelp`) in Chinese; English keeps commander's. */
const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** commander's `(default: "zh", choices: …)` suffix of an option or argument, in Chinese. */
const extraZh = (text: string): string =>
  text.replace(/\(((?:default|choices|preset|env): .*)\)$/, (_m, inner: string) => `（${inner.replace(/default: /g, '默认：').replace(/choices: /g, '可选：').replace(/preset: /g, '预设：').replace(/env: /g, '环境变量：').replace(/, /g, '，')}）`);

/**
 * Puts the help and version options, the help command and the help headings in the message
 * language on `program` — before its subcommands are added, so they inherit it (commander copies
 * the help option, help command and help configuration to each `.command()`).
 */
export function localizeCommander(program: Command, lang: Lang, version: string): Command {
  const zh = lang === 'zh';
  program
    .version(version, '-V, --version', zh ? '显示版本号' : 'output the version number')
    .helpOption('-h, --help', zh ? '显示帮助' : 'display help for command')
    .helpCommand('help [command]', zh ? '显示某个命令的帮助' : 'display help for command');
  if (zh)
    program.configureHelp({
      styleTitle: (s: string) => TITLES_ZH[s] ?? s,
      optionDescription: (o: Option) => extraZh(Help.prototype.optionDescription.call(new Help(), o)),
    });
  return program;
}

/** The message keys of the commander errors we word ourselves; others read as a usage error. */
const CODES: Record<string, CliMessage> = {
  'commander.missingMandatoryOptionValue': 'cmdMissingOption',
  'commander.missingArgument': 'cmdMissingArgument',
  'commander.optionMissingArgument': 'cmdOptionNeedsValue',
  'commander.unknownOption': 'cmdUnknownOption',
  'commander.unknownCommand': 'cmdUnknownCommand',
  'commander.excessArguments': 'cmdExcessArguments',
  'commander.conflictingOption': 'cmdConflictingOption',
  'commander.invalidArgument': 'cmdInvalidArgument',
};

/**
 * A commander error in our own words (messages.ts), not commander's English: the name it quotes
 * (`'--seed <seed>'`) and its "did you mean" are kept, the sentence is ours. Pure.
 */
export function commanderErrorText(e: CommanderError, lang: Lang): string {
  const raw = e.message.replace(/^error: /, '');
  const key = CODES[e.code];
  if (!key) return msg(lang, 'usage', { detail: raw });
  const names = [...raw.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const similar = /\(Did you mean (?:one of )?(.+)\?\)/.exec(raw)?.[1];
  const counts = /Expected (\d+) arguments? but got (\d+)/.exec(raw);
  const text = msg(lang, key, { name: names[0] ?? '', other: names[1] ?? '', expected: counts?.[1] ?? '', got: counts?.[2] ?? '', detail: raw });
  return similar ? `${text}${msg(lang, 'didYouMean', { suggestion: similar })}` : text;
}
