// Placeholder replaced by the database harness (see test/support/database.ts).
export default function setup(): void {}
