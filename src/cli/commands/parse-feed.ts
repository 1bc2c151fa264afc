// Placeholder until the command lands; keeps the CLI compiling.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('pilotfish parse-feed: not available yet\n');
  return 1;
}
