/**
 * Webhooks against a real HTTP receiver: signature, headers and bodies as received, and how each
 * kind of failure is reported to the outbox.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/notify/errors.js';
import type { NotifyEvent } from '../../src/notify/types.js';
import { sendWebhook, verifySignature, type WebhookOptions } from '../../src/notify/webhook.js';
import { startWebhookReceiver, type TestWebhookReceiver } from '../support/webhook-receiver.js';
import { alertMessage, talkingPointMessage } from './fixtures.js';

const SECRET = 'whsec_integration';

let receiver: TestWebhookReceiver;

beforeEach(async () => {
  receiver = await startWebhookReceiver({ secret: SECRET });
});

afterEach(async () => {
  await receiver.stop();
});

function alertEvent(): NotifyEvent {
  return { type: 'alert.raised', id: 'evt-42', at: '2025-03-03T14:05:01Z', data: alertMessage() };
}

function options(overrides: Partial<WebhookOptions> = {}): WebhookOptions {
  return { secret: SECRET, format: 'json', timeoutMs: 1_000, deliveryId: 'dlv-a1-s0-webhook', ...overrides };
}

async function deliveryError(promise: Promise<unknown>): Promise<DeliveryError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

/** A throwaway server for behaviours the receiver does not model (endless bodies, redirects). */
async function rawServer(handler: http.RequestListener): Promise<{ url: string; hits: () => number; stop: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits += 1;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('webhook delivery', () => {
  it('posts the event as signed JSON with the Pilotfish headers', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await sendWebhook(receiver.url, alertEvent(), options());
    expect(result).toEqual({ status: 200 });

    const [request] = await receiver.waitFor(1);
    expect(request?.method).toBe('POST');
    expect(request?.signatureValid).toBe(true);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-pilotfish-event']).toBe('alert.raised');
    expect(request?.headers['x-pilotfish-delivery']).toBe('dlv-a1-s0-webhook');
    const timestamp = Number(request?.headers['x-pilotfish-timestamp']);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(request?.json).toEqual(alertEvent());
    // A receiver with another secret, or a body altered in transit, does not verify.
    expect(verifySignature('other-secret', timestamp, request?.rawBody ?? '', String(request?.headers['x-pilotfish-signature']))).toBe(false);
    expect(verifySignature(SECRET, timestamp, `${request?.rawBody} `, String(request?.headers['x-pilotfish-signature']))).toBe(false);
  });

  it('a receiver holding another secret answers 401, which is not retryable', async () => {
    const err = await deliveryError(sendWebhook(receiver.url, alertEvent(), options({ secret: 'stale-secret' })));
    expect(err).toMatchObject({ retryable: false, code: 'rejected_permanent', status: 401 });
    expect(receiver.requests[0]?.signatureValid).toBe(false);
  });

  it('keeps the delivery id across retries so the receiver can deduplicate', async () => {
    receiver.failNext(1, 500);
    await deliveryError(sendWebhook(receiver.url, alertEvent(), options()));
    await sendWebhook(receiver.url, alertEvent(), options());
    const requests = await receiver.waitFor(2);
    expect(requests.map((r) => r.headers['x-pilotfish-delivery'])).toEqual(['dlv-a1-s0-webhook', 'dlv-a1-s0-webhook']);
    expect(requests.map((r) => r.status)).toEqual([500, 200]);
    expect(requests.every((r) => r.signatureValid)).toBe(true);
  });

  it('sends a Slack incoming-webhook body', async () => {
    await sendWebhook(receiver.url, alertEvent(), options({ format: 'slack', lang: 'fr' }));
    const [request] = await receiver.waitFor(1);
    const body = request?.json as { text: string; blocks: { type: string }[] };
    expect(request?.signatureValid).toBe(true);
    expect(body.text).toContain('CRITIQUE — Pic de volume');
    expect(body.blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['header', 'section', 'actions']));
  });

  it('sends a Teams Adaptive Card message for a talking point', async () => {
    const event: NotifyEvent = { type: 'talking_point.published', id: 'evt-43', at: '2025-03-03T15:00:00Z', data: talkingPointMessage() };
    await sendWebhook(receiver.url, event, options({ format: 'teams', lang: 'en' }));
    const [request] = await receiver.waitFor(1);
    const body = request?.json as { type: string; attachments: { contentType: string; content: { type: string; actions: { url: string }[] } }[] };
    expect(request?.headers['x-pilotfish-event']).toBe('talking_point.published');
    expect(body.type).toBe('message');
    expect(body.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0]?.content.type).toBe('AdaptiveCard');
    expect(body.attachments[0]?.content.actions[0]?.url).toBe('https://pilotfish.example/talking-points/tp-1');
  });
});

describe('webhook failures', () => {
  it.each([
    { status: 500, retryable: true, code: 'rejected_transient' },
    { status: 502, retryable: true, code: 'rejected_transient' },
    { status: 408, retryable: true, code: 'rejected_transient' },
    { status: 429, retryable: true, code: 'rejected_transient' },
    { status: 400, retryable: false, code: 'rejected_permanent' },
    { status: 404, retryable: false, code: 'rejected_permanent' },
    { status: 410, retryable: false, code: 'rejected_permanent' },
  ])('answer $status → retryable=$retryable', async ({ status, retryable, code }) => {
    receiver.failNext(1, status);
    const err = await deliveryError(sendWebhook(receiver.url, alertEvent(), options()));
    expect(err).toMatchObject({ retryable, code, status });
    expect(err.message).toContain(String(status));
  });

  it('passes Retry-After on to the outbox', async () => {
    receiver.failNext(1, 503, { 'retry-after': '42' });
    const err = await deliveryError(sendWebhook(receiver.url, alertEvent(), options()));
    expect(err).toMatchObject({ retryable: true, status: 503, retryAfterSeconds: 42 });
  });

  it('a receiver slower than the timeout → retryable timeout, without waiting for it', async () => {
    const slow = await startWebhookReceiver({ secret: SECRET, delayMs: 5_000 });
    try {
      const started = Date.now();
      const err = await deliveryError(sendWebhook(slow.url, alertEvent(), options({ timeoutMs: 300 })));
      expect(err).toMatchObject({ retryable: true, code: 'timeout' });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await slow.stop();
    }
  });

  it('nothing listening → retryable connection error', async () => {
    const gone = await startWebhookReceiver();
    const url = gone.url;
    await gone.stop();
    const err = await deliveryError(sendWebhook(url, alertEvent(), options()));
    expect(err).toMatchObject({ retryable: true, code: 'connection' });
  });

  it('does not follow redirects: not retryable, the target never called', async () => {
    const target = await rawServer((_req, res) => res.end('ok'));
    const redirecting = await rawServer((_req, res) => {
      res.writeHead(307, { location: `${target.url}/elsewhere` });
      res.end();
    });
    try {
      const err = await deliveryError(sendWebhook(redirecting.url, alertEvent(), options()));
      expect(err).toMatchObject({ retryable: false, code: 'redirect', status: 307 });
      expect(target.hits()).toBe(0);
    } finally {
      await target.stop();
      await redirecting.stop();
    }
  });

  it('reads only the start of an endless response body', async () => {
    const chatty = await rawServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    try {
      const started = Date.now();
      const err = await deliveryError(sendWebhook(chatty.url, alertEvent(), options({ timeoutMs: 5_000 })));
      expect(err).toMatchObject({ retryable: true, status: 500 });
      expect(err.message.length).toBeLessThan(400);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await chatty.stop();
    }
  });

  it('refuses non-http URLs before connecting', async () => {
    const err = await deliveryError(sendWebhook('file:///etc/passwd', alertEvent(), options()));
    expect(err).toMatchObject({ retryable: false, code: 'invalid_target' });
  });

  it("runs the caller's SSRF guard first: a refusal sends nothing", async () => {
    const seen: string[] = [];
    const err = await deliveryError(sendWebhook(receiver.url, alertEvent(), options({
      beforeConnect: async (url) => {
        seen.push(url);
        throw new Error('private address 127.0.0.1 not allowed');
      },
    })));
    expect(seen).toEqual([receiver.url]);
    expect(err).toMatchObject({ retryable: false, code: 'blocked' });
    expect(err.message).toContain('private address');
    expect(receiver.requests).toHaveLength(0);
  });

  it('connects to the address the guard checked, not to a fresh DNS answer', async () => {
    // "hooks.invalid" never resolves; the pinned address makes the request reach the receiver anyway.
    const url = `http://hooks.invalid:${receiver.port}/hook`;
    await sendWebhook(url, alertEvent(), options({ beforeConnect: async () => ({ address: '127.0.0.1', family: 4 }) }));
    const [request] = await receiver.waitFor(1);
    expect(request?.headers.host).toBe(`hooks.invalid:${receiver.port}`);
    expect(request?.signatureValid).toBe(true);
  });
});
