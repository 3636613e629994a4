/**
 * The `mailcheck` command line: dispatches each subcommand to its own module and sets the exit
 * code. Bundled by scripts/build-cli.mjs into out/cli/index.js, which bin/mailcheck.js loads.
 * Each subcommand is imported on demand: start-up time counts (issue 2's benchmark puts the whole
 * CLI process within 100 ms of the engine), and `smtp` must not pay for `profiles` or vice versa.
 */
import { version } from '../../package.json';
import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';
import { MAIN_HELP } from './help';
import { langFromEnv } from './lang';
import { visibleText } from '../shared/visible-text';

async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const lang = langFromEnv(io.env);
  switch (command) {
    case 'smtp':
      return (await import('./smtp-command')).smtpCommand(rest, io);
    case 'discover':
      return (await import('./discover-command')).discoverCommand(rest, io);
    case 'imap':
      return (await import('./receive-command')).imapCommand(rest, io);
    case 'pop3':
      return (await import('./receive-command')).pop3Command(rest, io);
    case 'profiles':
      return (await import('./profiles-command')).profilesCommand(rest, io);
    case '--version':
    case '-v':
      io.stdout.write(`${version}\n`);
      return EXIT.ok;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(MAIN_HELP[lang]);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      io.stderr.write(
        lang === 'it'
          ? `mailcheck: comando sconosciuto "${visibleText(command)}".\n${MAIN_HELP.it}`
          : `mailcheck: unknown command "${visibleText(command)}".\n${MAIN_HELP.en}`,
      );
      return EXIT.usage;
  }
}

const io: CliIo = {
  // On first use only: creating the stdin stream costs a few ms, and most runs never read it.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
};
/**
 * Exits as soon as the output is flushed: the verdict is printed, and nothing left (the polite end
 * of an SMTP connection, a paused stdin pipe, a keychain D-Bus connection) may delay the exit.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2), io).then(
  (code) => exitWhenFlushed(code),
  (error: unknown) => {
    // An unexpected failure: show its message (our errors never carry secrets), not a stack dump.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`mailcheck: internal error: ${visibleText(message).slice(0, 500)}\n`);
    exitWhenFlushed(EXIT.problem);
  },
);
