// Sources' secrets (access tokens, app passwords, client secrets, header values) are sealed with
// AES-256-GCM before they reach the database and opened only by the connector that needs them. The key
// comes from configuration (collectors.secret_key, any string, hashed to 32 bytes) or, when unset, is
// generated once and kept in the settings table, like the webhook secret.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { json } from '../db/tables/json.js';

export type SourceSecrets = Record<string, string>;

export interface SecretBox {
  seal(secrets: SourceSecrets): Promise<string>;
  open(sealed: string | null): Promise<SourceSecrets>;
}

const VERSION = 'v1';

function keyFrom(material: string): Buffer {
  return createHash('sha256').update(material).digest();
}

export function sealWithKey(key: Buffer, secrets: SourceSecrets): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function openWithKey(key: Buffer, sealed: string): SourceSecrets {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('sealed secrets have an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  // Boundary: our own ciphertext, authenticated by GCM, so its JSON is the object we sealed.
  return JSON.parse(text) as SourceSecrets;
}

export function createSecretBox(db: Kysely<DB>, configuredKey: string): SecretBox {
  let key: Buffer | null = configuredKey ? keyFrom(configuredKey) : null;
  async function currentKey(): Promise<Buffer> {
    if (key) return key;
    const generated = randomBytes(32).toString('base64url');
    await db.insertInto('settings').values({ key: 'sources_secret_key', value: json(generated) }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'sources_secret_key').executeTakeFirstOrThrow();
    key = keyFrom(row.value as string);
    return key;
  }
  return {
    seal: async (secrets) => sealWithKey(await currentKey(), secrets),
    open: async (sealed) => (sealed ? openWithKey(await currentKey(), sealed) : {}),
  };
}
