/** The process streams and environment, passed in so commands stay testable and never reach for globals. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** How long a pipe on stdin may stay silent before a secret counts as missing (tests shorten it). */
  stdinTimeoutMs?: number;
}
