// Everything the commands print: results on stdout (JSON with --json), progress and errors on
// stderr, colour only where the stream is a terminal and NO_COLOR (or --no-color) is unset.
import { styleText } from 'node:util';
import { statusInfo, type AccessRequestStatus, type StatusTone } from '@access-requests/sdk';

type Style = Extract<Parameters<typeof styleText>[0], string>;

const TONES: Record<StatusTone, Style> = {
  attention: 'yellow',
  progress: 'cyan',
  positive: 'green',
  negative: 'red',
  neutral: 'gray',
};

/** A writable end, as `process.stdout` and `process.stderr` are. */
export interface Stream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

export class Output {
  constructor(
    readonly json: boolean,
    private readonly colour: boolean,
    readonly stdout: Stream = process.stdout,
    readonly stderr: Stream = process.stderr,
  ) {}

  /**
   * The result: `value` as JSON with --json, else the human text made from a copy of it whose
   * strings hold no control characters (a name or an instruction from the server cannot move the
   * cursor, recolour or retitle the terminal).
   */
  result<T>(value: T, human: (safe: T) => string): void {
    const text = this.json ? JSON.stringify(value, null, 2) : human(printable(value));
    if (text) this.stdout.write(`${text}\n`);
  }

  /** One JSON line (watch's stream of updates under --json). */
  jsonLine(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value)}\n`);
  }

  /** A note or progress line on stderr (never mixed into the result). */
  note(line: string): void {
    this.stderr.write(`${line}\n`);
  }

  /** `text` in `style`, on stdout (or `stream`), if colour is on and that stream is a terminal. */
  paint(style: Style | Style[], text: string, stream: Stream = this.stdout): string {
    if (!this.colour || !stream.isTTY) return text;
    return styleText(style, text, { stream: stream as NodeJS.WriteStream });
  }

  /** The status label ("Pending Approval"), coloured by its tone. */
  status(status: AccessRequestStatus, stream?: Stream): string {
    const info = statusInfo(status);
    return this.paint(TONES[info.tone], info.label, stream);
  }

  /** Dimmed, for what matters less. */
  dim(text: string, stream?: Stream): string {
    return this.paint('dim', text, stream);
  }

  /** Bold, for what matters most. */
  bold(text: string, stream?: Stream): string {
    return this.paint('bold', text, stream);
  }
}

/** Whether colour may be used at all: not with NO_COLOR (any value), --no-color or TERM=dumb. */
export function colourAllowed(env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  return !noColorFlag && !env.NO_COLOR && env.TERM !== 'dumb';
}

/**
 * A plain table: a header row and columns padded to their widest cell (measured before colour is
 * added, so `paint` may style a cell). The last column is not padded.
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  paint: (column: number, text: string) => string = (_, text) => text,
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[], styled: boolean) =>
    cells
      .map((cell, i) => {
        const padded = i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0);
        return styled ? padded.replace(cell, paint(i, cell)) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(headers, false), ...rows.map((r) => line(r, true))].join('\n');
}

/** A time for people, in their own zone and language: "15 Jan 2026, 09:00". */
export function when(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A span of time for people: "1 h 59 min", "45 s". */
export function span(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (h) return `${h} h${m ? ` ${m} min` : ''}`;
  if (m) return `${m} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
  return `${seconds} s`;
}

// C0 controls but tab and newline, DEL, and C1 controls (ESC, CSI, OSC start sequences).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A deep copy of `value` with control characters removed from every string. */
export function printable<T>(value: T): T {
  if (typeof value === 'string') return value.replace(CONTROL, '') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => printable(v)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printable(v)])) as T;
  return value;
}
