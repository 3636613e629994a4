/** The CLI's exit codes (documented in docs/cli.md). */
export const EXIT = {
  /** Every step passed (a warning counts as passed: the server works, with a remark). */
  ok: 0,
  /** The test ran and found a problem: a step failed. */
  problem: 1,
  /** Bad usage or bad input: nothing was sent to any server. */
  usage: 2,
  /** Stopped by Ctrl-C (128 + SIGINT), the shell convention. */
  cancelled: 130,
} as const;
