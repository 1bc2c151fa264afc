// The VAPID key pair that signs our pushes (RFC 8292). From configuration when both keys are set;
// otherwise generated once and kept in the settings table, so every instance and restart signs with the
// same key (a new key would invalidate every browser's subscription).
import type { Kysely } from 'kysely';
import webpush from 'web-push';
import type { DB } from '../db/schema.js';
import { json } from '../db/tables/json.js';

export interface VapidKeys { publicKey: string; privateKey: string; subject: string }
export interface VapidConfig { vapid_public_key: string; vapid_private_key: string; vapid_subject: string }

const SETTING = 'push_vapid_keys';

export function vapidKeysProvider(db: Kysely<DB>, config: VapidConfig, fallbackSubject: string): () => Promise<VapidKeys> {
  const subject = config.vapid_subject || fallbackSubject;
  let cached: VapidKeys | null = config.vapid_public_key && config.vapid_private_key
    ? { publicKey: config.vapid_public_key, privateKey: config.vapid_private_key, subject } : null;
  return async () => {
    if (cached) return cached;
    const generated = webpush.generateVAPIDKeys();
    // Two instances starting together: the first insert wins and both read it back.
    await db.insertInto('settings').values({ key: SETTING, value: json(generated) }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const row = await db.selectFrom('settings').select('value').where('key', '=', SETTING).executeTakeFirstOrThrow();
    const stored = row.value as { publicKey: string; privateKey: string };
    cached = { publicKey: stored.publicKey, privateKey: stored.privateKey, subject };
    return cached;
  };
}
