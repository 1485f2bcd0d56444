/*
 * `UKBCD_COMMAND` is a command line, but it is never given to a shell: it is split here into a
 * program and its arguments the way a POSIX shell would split words (whitespace between them,
 * 'single quotes' literal, "double quotes" with \" and \\, a backslash escaping the next
 * character outside quotes), with nothing else a shell does: no variables, globs, pipes or
 * redirections, so `;`, `|`, `$(…)` and backticks are just characters of an argument.
 */

/**
 * Splits a command line into words. Throws (with a message to follow the variable's name) when
 * a quote is not closed or a line ends with a lone backslash.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
      else word += char;
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (char === "'" || char === '"') quote = char;
    else if (char === '\\') {
      if (i + 1 >= line.length) throw new Error('ends with a lone backslash');
      word += line[++i];
    } else word += char;
  }
  if (quote) throw new Error(`has an unclosed ${quote === '"' ? 'double' : 'single'} quote`);
  if (inWord) words.push(word);
  return words;
}

/** The values a command's placeholders are filled with, already checked by the caller. */
export interface CommandValues {
  /** Digits only. */
  uprn: string;
  /** A normalised postcode ("AN1 1AA"), or undefined when the property's postcode is not known. */
  postcode?: string;
}

/** True when any argument needs the postcode. */
export const needsPostcode = (argv: readonly string[]): boolean => argv.some((arg) => arg.includes('{postcode}'));

/**
 * The arguments with `{uprn}` and `{postcode}` filled in, each inside its own argument (a value
 * can never become two arguments or an option of its own). The values must already be checked:
 * a UPRN is digits, a postcode letters, digits and one space.
 */
export function fillPlaceholders(argv: readonly string[], values: CommandValues): string[] {
  if (!/^\d{1,12}$/.test(values.uprn)) throw new Error('A UPRN is digits only.');
  if (values.postcode !== undefined && !/^[A-Z0-9]{2,4} [0-9][A-Z]{2}$/.test(values.postcode)) throw new Error('A postcode must be normalised.');
  if (needsPostcode(argv) && values.postcode === undefined) throw new Error('The command needs a postcode.');
  return argv.map((arg) => arg.replaceAll('{uprn}', values.uprn).replaceAll('{postcode}', values.postcode ?? ''));
}
