/** A command line split into its positional words and its `--options`. */
export interface ParsedArgs {
  positionals: string[];
  /** `--name value` and `--name=value` as strings, a bare `--flag` as `true`. */
  options: Record<string, string | boolean>;
}

/**
 * Splits arguments generically, for commands whose options depend on what they run (an
 * importer's `--mapping columns.json`, `--replace`): `--name=value`; `--name value` when the next
 * word does not start with `--`; otherwise `--name` is a flag. `-h` is `--help`. Everything else
 * is positional, in order; `--` ends the options.
 */
export function parseArgs(args: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (word === '-h') {
      options.help = true;
    } else if (word.startsWith('--') && word.length > 2) {
      const equals = word.indexOf('=');
      if (equals > 2) {
        options[word.slice(2, equals)] = word.slice(equals + 1);
      } else {
        const next = args[i + 1];
        if (next !== undefined && !next.startsWith('--') && next !== '-h') {
          options[word.slice(2)] = next;
          i++;
        } else {
          options[word.slice(2)] = true;
        }
      }
    } else {
      positionals.push(word);
    }
  }
  return { positionals, options };
}
