// NDJSON bodies: one JSON value per line (blank lines ignored). A line that is not JSON is reported with its
// index ("line N is not valid JSON") like any other invalid item, so one bad line never sinks the batch.
export function parseNdjson(body: string): { items: unknown[]; invalid: Map<number, string> } {
  const items: unknown[] = [];
  const invalid = new Map<number, string>();
  body.split('\n').forEach((line, lineIndex) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    try {
      items.push(JSON.parse(trimmed));
    } catch {
      invalid.set(items.length, `line ${lineIndex + 1} is not valid JSON`);
      items.push(null);
    }
  });
  return { items, invalid };
}
