/** Where a command writes: the result on `out`, why it could not run on `err`. Lines, without their newline. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** When stderr is a terminal: writes there as is (a progress bar redrawn with `\r`), and its width. */
  progress?: { write(text: string): void; columns: number };
}

/** Exit codes of every command (64 is EX_USAGE of BSD's sysexits.h). */
export const EXIT = {
  ok: 0,
  /** The config is invalid, or the file could not be read or parsed. */
  failed: 1,
  /** `lint --strict` found warnings. */
  warnings: 2,
  /** The command line itself is wrong. */
  usage: 64,
} as const;
