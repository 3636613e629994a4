/**
 * What is wrong with a command line, said by POSITION and KIND, never by value: a password typed as
 * a stray argument (`mailcheck smtp … --password-stdin 'S3cret!'`) must not be echoed on stderr, in
 * the JSON or in a log. node:util parseArgs quotes the offending argument in its errors, so they
 * are never shown; the arguments are read again here, leniently, to find the first problem.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Localized } from '../shared/probe-types';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The first problem of `args`, or null when the lenient reading finds none. */
export function argvProblem(args: string[], options: Options, positionals: boolean): Localized | null {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true }));
  } catch {
    return null;
  }
  for (const token of tokens) {
    const n = token.index + 1;
    if (token.kind === 'positional' && !positionals) {
      return {
        en: `Argument ${n} is a value without an option (this command takes only options; a password is never accepted on the command line: use --password-stdin).`,
        it: `L'argomento ${n} è un valore senza opzione (questo comando accetta solo opzioni; una password non si passa mai sulla riga di comando: usa --password-stdin).`,
      };
    }
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) {
      return {
        en: `Argument ${n} is an unknown option.`,
        it: `L'argomento ${n} è un'opzione sconosciuta.`,
      };
    }
    // `--timeout --json`: strict parsing calls the value ambiguous; it is an option, not a value.
    const valueIsOption = !token.inlineValue && token.value?.startsWith('-') === true;
    if (spec.type === 'string' && valueIsOption) {
      // The next argument starts with a dash: a forgotten value, or a value that is meant to start
      // with a dash (a user name "-x"); both are said without quoting it.
      return {
        en: `Argument ${n} is an option that needs a value, and the next argument starts with "-"; if that is the value, write it as ${token.rawName}=VALUE.`,
        it: `L'argomento ${n} è un'opzione che richiede un valore, e l'argomento seguente inizia con "-"; se è quello il valore, scrivilo come ${token.rawName}=VALORE.`,
      };
    }
    if (spec.type === 'string' && token.value === undefined) {
      return {
        en: `Argument ${n} is an option that needs a value, and none follows it.`,
        it: `L'argomento ${n} è un'opzione che richiede un valore, ma non ne segue nessuno.`,
      };
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      return {
        en: `Argument ${n} gives a value to an option that takes none.`,
        it: `L'argomento ${n} dà un valore a un'opzione che non ne accetta.`,
      };
    }
  }
  return null;
}

/** The message for a parseArgs failure: the lenient reading's finding, or a generic sentence. */
export function describeArgvError(args: string[], options: Options, positionals: boolean): Localized {
  return (
    argvProblem(args, options, positionals) ?? {
      en: 'The command line could not be read.',
      it: 'Impossibile leggere la riga di comando.',
    }
  );
}
