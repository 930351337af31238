import { type Argument, type Command, Help, type Option } from 'commander';
import { t } from '../core/i18n';

/**
 * Commander's own words, in the user's language: the help's headings and extra notes (default, choices) and its error
 * messages. Set on the program before its subcommands are added, so that they inherit it.
 */
export function localizeCommander(program: Command): Command {
  const base = new Help();
  return program
    .configureHelp({
      styleTitle: (title) => HEADINGS[title]?.() ?? title,
      commandUsage: (cmd) => placeholders(base.commandUsage(cmd)),
      subcommandTerm: (cmd) => placeholders(base.subcommandTerm(cmd)),
      optionDescription: (option) => withExtra(option.description, extraInfo(option)),
      argumentDescription: (argument) => withExtra(argument.description, extraInfo(argument)),
    })
    .configureOutput({ outputError: (text, write) => write(localizeError(text)) });
}

function placeholders(usage: string): string {
  return usage.replace('[options]', t('[选项]')).replace('[command]', t('[命令]'));
}

const HEADINGS: Record<string, () => string> = {
  'Usage:': () => t('用法：'),
  'Options:': () => t('选项：'),
  'Commands:': () => t('命令：'),
  'Arguments:': () => t('参数：'),
  'Global Options:': () => t('全局选项：'),
};

function extraInfo(item: Option | Argument): string[] {
  const extra: string[] = [];
  if (item.argChoices) extra.push(t('可选：{0}', item.argChoices.join(t('、'))));
  // As commander: an option's default is shown when it takes a value (a flag's false is no news).
  const shown = 'optional' in item ? item.required || item.optional : true;
  if (item.defaultValue !== undefined && shown) extra.push(t('默认：{0}', item.defaultValueDescription ?? String(item.defaultValue)));
  return extra;
}

function withExtra(description: string, extra: readonly string[]): string {
  return extra.length ? `${description}${t('（{0}）', extra.join(t('；')))}` : description;
}

/** Commander's error messages (command.js), each matched by its fixed English wording and said again with t(). */
const ERRORS: ReadonlyArray<readonly [RegExp, (...m: string[]) => string]> = [
  [/^error: unknown option '(.*)'$/, (o) => t('错误：未知的选项 {0}', o)],
  [/^error: unknown command '(.*)'$/, (c) => t('错误：未知的命令 {0}', c)],
  [/^error: missing required argument '(.*)'$/, (a) => t('错误：缺少必需的参数 {0}', a)],
  [/^error: option '(.*)' argument missing$/, (o) => t('错误：选项 {0} 缺少值', o)],
  [/^error: required option '(.*)' not specified$/, (o) => t('错误：缺少必需的选项 {0}', o)],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, (o, v, c) => t('错误：选项 {0} 的值“{1}”无效；可选：{2}', o, v, c)],
  [/^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/s, (o, v, why) => t('错误：选项 {0} 的值“{1}”无效：{2}', o, v, why)],
  [/^error: option '(.*)' cannot be used with option '(.*)'$/, (a, b) => t('错误：{0} 不能与 {1} 同时使用', a, b)],
  [/^error: too many arguments(?: for '.*')?\. Expected (\d+) arguments? but got (\d+)\.$/, (e, g) => t('错误：参数过多：应为 {0} 个，实际为 {1} 个', e, g)],
];

export function localizeError(text: string): string {
  const newline = text.endsWith('\n') ? '\n' : '';
  const lines = text.slice(0, text.length - newline.length).split('\n');
  // A suggestion follows on its own line: `(Did you mean --fix?)`.
  const suggestion = lines.length > 1 ? /^\(Did you mean (?:one of )?(.*)\?\)$/.exec(lines[lines.length - 1]) : null;
  const first = suggestion ? lines.slice(0, -1).join('\n') : lines.join('\n');
  let said: string | undefined;
  for (const [pattern, say] of ERRORS) {
    const m = pattern.exec(first);
    if (m) {
      said = say(...m.slice(1));
      break;
    }
  }
  said ??= first.replace(/^error: /, t('错误：'));
  return said + (suggestion ? '\n' + t('（是否指 {0}？）', suggestion[1]) : '') + newline;
}
