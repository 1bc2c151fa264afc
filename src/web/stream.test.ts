import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamClient } from './stream.js';

class FakeSocket {
  static instances: FakeSocket[] = [];
  readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  closed = false;
  constructor(readonly url: string) { FakeSocket.instances.push(this); }
  addEventListener(type: string, fn: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: string, event: unknown = {}): void { for (const fn of this.listeners.get(type) ?? []) fn(event); }
  close(): void { this.closed = true; }
}

describe('StreamClient', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('location', { protocol: 'https:', host: 'pilotfish.example' });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('dispatches events by type and reconnects with ?since=<last id> after a drop', () => {
    const client = new StreamClient();
    const seen: string[] = [];
    client.on('alert.raised', (e) => seen.push(`raised:${e.id}`));
    client.on('*', (e) => seen.push(`any:${e.type}`));
    client.start();
    const first = FakeSocket.instances[0]!;
    expect(first.url).toBe('wss://pilotfish.example/api/v1/stream');
    first.emit('open');
    expect(client.status).toBe('open');
    first.emit('message', { data: JSON.stringify({ type: 'alert.raised', id: '41', at: '', data: {} }) });
    first.emit('message', { data: JSON.stringify({ type: 'signal.reported', id: '42', at: '', data: {} }) });
    first.emit('message', { data: 'not json' });
    expect(seen).toEqual(['raised:41', 'any:alert.raised', 'any:signal.reported']);

    first.emit('close');
    expect(client.status).toBe('offline');
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.instances[1]!.url).toBe('wss://pilotfish.example/api/v1/stream?since=42');
  });

  it('waits longer after each failed attempt, up to 30 s, and starts over once connected', () => {
    const client = new StreamClient();
    client.start();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const socket = FakeSocket.instances.at(-1)!;
      socket.emit('close');
      const before = FakeSocket.instances.length;
      let waited = 0;
      while (FakeSocket.instances.length === before) { vi.advanceTimersByTime(100); waited += 100; }
      delays.push(waited);
    }
    // Jitter keeps each wait between half and all of 1, 2, 4, 8, 16, 30, 30 s.
    [1000, 2000, 4000, 8000, 16000, 30000, 30000].forEach((base, i) => {
      expect(delays[i]).toBeGreaterThanOrEqual(base / 2);
      expect(delays[i]).toBeLessThanOrEqual(base + 100);
    });
    FakeSocket.instances.at(-1)!.emit('open');
    FakeSocket.instances.at(-1)!.emit('close');
    const before = FakeSocket.instances.length;
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.instances.length).toBe(before + 1);
  });

  it('stops for good on sign-out', () => {
    const client = new StreamClient();
    client.start();
    const socket = FakeSocket.instances[0]!;
    client.stop();
    expect(socket.closed).toBe(true);
    socket.emit('close');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });
});
