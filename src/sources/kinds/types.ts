// The per-kind part of a source: how its url and config are checked (and which fields are secrets), and how
// it is previewed before saving. The sources service and the preview endpoint only talk to this interface,
// so a connector (poll or stream) plugs in by adding one entry to the registry (./index.ts).
import type { Logger } from 'pino';
import type { AddressPolicy } from '../../collectors/net/address-guard.js';
import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import type { SourceSecrets } from '../secrets.js';

/** What the administrator sent (create or patch), with the source's current secrets when patching. */
export interface KindInput {
  url?: string | undefined;
  config: Record<string, unknown>;
  /** Secrets already stored: a patch that leaves a secret field out keeps it. */
  previousSecrets: SourceSecrets;
}

/** The source as it will be stored: secret fields moved out of `config` into `secrets` (sealed later). */
export interface CheckedKind { url: string | null; config: Record<string, unknown>; secrets: SourceSecrets }

export interface KindContext {
  /** Parses and checks a URL against the collectors' address policy; 400 naming `field` when refused. */
  checkUrl(url: string, field: string, schemes?: readonly string[]): Promise<string>;
  watchlistExists(id: string): Promise<boolean>;
}

export interface PreviewContext { config: Readonly<Config>; policy: AddressPolicy; clock: Clock; logger: Logger }

export interface PreviewItem {
  external_id: string; text: string; author: string | null; url: string | null; published_at: string; title: string | null;
  network?: string | null; author_followers?: number | null; likes?: number | null; reposts?: number | null; replies?: number | null;
}

export interface PreviewResult { ok: boolean; error?: string; title?: string | null; format?: string; total?: number; mentions: PreviewItem[] }

export interface SourceKindSpec {
  /** Collected by the poller on an interval (rss, reddit…), as opposed to pushed or streamed. */
  polled: boolean;
  /** Whether a url must, may or must not be given. */
  url: 'required' | 'optional' | 'none';
  validate(input: KindInput, ctx: KindContext): Promise<CheckedKind>;
  /** The first items the source would store, fetched now, nothing saved. */
  preview?(source: CheckedKind, ctx: PreviewContext): Promise<PreviewResult>;
}
