// `pilotfish backtest --input FILE.csv [--bucket 5m]`: runs the production detector (default configuration)
// over a `timestamp,value` series and prints one NDJSON line per alert it would have raised:
// {"timestamp", "kind", "score", "reason"}, where timestamp is the input row at which the alert fired.
// The file is streamed line by line; rows are validated as they come (a bad row stops with exit 2 before
// anything is printed), then fed in time order.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CliUsageError, parseCommandArgs, requireOption } from '../args.js';
import { DEFAULT_DETECTOR_CONFIG } from '../../detection/index.js';
import { backtestConfig, checkHeader, inTimeOrder, InputError, parseBucketSize, parseRow, runBacktest } from '../../detection/backtest.js';
import type { SeriesRow } from '../../detection/backtest.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { input: { type: 'string' }, bucket: { type: 'string' } });
  const input = requireOption(values, 'input');
  try {
    const explicitBucket = values.bucket === undefined ? null : parseBucketSize(values.bucket);
    const rows = inTimeOrder(await readSeries(input));
    const config = backtestConfig(rows, explicitBucket ?? undefined);
    if (explicitBucket === null && config.bucketSeconds !== DEFAULT_DETECTOR_CONFIG.bucketSeconds) {
      process.stderr.write(`pilotfish backtest: rows are ${config.bucketSeconds} s apart; using ${config.bucketSeconds} s buckets (set --bucket to override)\n`);
    }
    const out: string[] = [];
    runBacktest(rows, config, (alert) => out.push(JSON.stringify(alert)));
    await write(out.length ? out.join('\n') + '\n' : '');
    return 0;
  } catch (err) {
    if (err instanceof InputError) throw new CliUsageError(err.message);
    throw err;
  }
}

async function readSeries(file: string): Promise<SeriesRow[]> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new InputError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`)));
  });
  await opened;
  const rows: SeriesRow[] = [];
  let lineNumber = 0;
  let headerSeen = false;
  try {
    for await (const rawLine of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNumber++;
      const line = rawLine.trim();
      if (line === '') continue;
      if (!headerSeen) {
        checkHeader(line);
        headerSeen = true;
        continue;
      }
      rows.push(parseRow(line, lineNumber));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    stream.destroy();
  }
  if (!headerSeen) throw new InputError(`${file} is empty: expected a "timestamp,value" header`);
  return rows;
}

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (text === '') return resolve();
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}
