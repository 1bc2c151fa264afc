/** A watchlist query that cannot be compiled; `position` is the 0-based offset of the culprit. */
export class QuerySyntaxError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(`${message} (at position ${position})`);
    this.name = 'QuerySyntaxError';
    this.position = position;
  }

  /** The message without the position suffix, for APIs that report the position separately. */
  get reason(): string {
    return this.message.replace(/ \(at position \d+\)$/, '');
  }
}
