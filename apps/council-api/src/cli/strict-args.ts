import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A command's fixed options read strictly (an unknown option or a stray word is an error, so a
 * typo like `--stauts` never runs the command as if it were not there): the values, or the
 * parser's message for the usage answer.
 */
export function strictOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
): { values: Record<keyof T, string | boolean | undefined>; error?: undefined } | { values?: undefined; error: string } {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    return { values: values as unknown as Record<keyof T, string | boolean | undefined> };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
