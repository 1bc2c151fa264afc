/**
 * An in-process SMTP server for tests (smtp-server on 127.0.0.1, random port). It records every message
 * it accepts, decoded enough to assert on (envelope, headers, subject, text and HTML parts), and can
 * play the failures an outbox must survive: refusing connections, answering 421, staying silent,
 * deferring the first N messages, rejecting some recipients.
 *
 *   const smtp = await startSmtpServer();
 *   process.env.SMTP_URL = smtp.url;           // smtp://127.0.0.1:PORT
 *   await smtp.waitFor(1);
 *   await smtp.setMode('refuse');              // outage: connection refused on the same port
 *   await smtp.setMode('up');                  // back
 *   await smtp.stop();
 */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/**
 * 'up': accepts mail. 'refuse': nothing listens on the port (connection refused).
 * 'reject': greets with "421 service not available". 'silent': accepts TCP but never greets.
 */
export type SmtpMode = 'up' | 'refuse' | 'reject' | 'silent';

export interface SmtpServerOptions {
  /** The first N messages are answered at the end of DATA with `failCode` (default 451, transient). */
  failFirst?: number;
  failCode?: number;
  /** RCPT TO for these addresses (case-insensitive) is answered 550: permanent rejection. */
  rejectRecipients?: string[];
  /** When set, AUTH PLAIN/LOGIN with these credentials is required. */
  auth?: { user: string; pass: string };
  /** Fixed port; default: a free one chosen by the system. */
  port?: number;
}

export interface CapturedMail extends ParsedMime {
  envelope: { from: string; to: string[] };
  /** Lower-cased header names; repeated headers keep their first value. */
  headers: Record<string, string>;
  subject: string;
  messageId: string | null;
  /** The user the client authenticated as, if any. */
  user: string | null;
  raw: string;
  receivedAt: Date;
}

export interface TestSmtpServer {
  readonly url: string;
  readonly port: number;
  /** Accepted messages, in order of acceptance. */
  readonly messages: CapturedMail[];
  /** Every DATA attempt, including the ones answered with a failure. */
  readonly attempts: number;
  readonly mode: SmtpMode;
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  setMode(mode: SmtpMode): Promise<void>;
  /** Make the next N messages fail with `code` (default 451). */
  failNext(count: number, code?: number): void;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

function readStream(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: CapturedMail[] = [];
  const rejected = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));
  let failuresLeft = options.failFirst ?? 0;
  let failCode = options.failCode ?? 451;
  let attempts = 0;
  let mode: SmtpMode = 'up';
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;

  function capture(raw: Buffer, session: SMTPServerSession): void {
    const text = raw.toString('utf8');
    const parsed = parseMime(text);
    messages.push({
      ...parsed,
      envelope: {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
      },
      subject: parsed.headers.subject ?? '',
      messageId: parsed.headers['message-id'] ?? null,
      user: typeof session.user === 'string' ? session.user : null,
      raw: text,
      receivedAt: new Date(),
    });
  }

  function createServer(): SMTPServer {
    return new SMTPServer({
      logger: false,
      disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !options.auth,
      allowInsecureAuth: true,
      closeTimeout: 50,
      onConnect(_session, callback) {
        if (mode === 'reject') return callback(smtpError('Service not available, try again later', 421));
        if (mode === 'silent') return; // never greet: the client's greeting timeout must fire
        callback();
      },
      onAuth(auth, _session, callback) {
        const ok = options.auth && auth.username === options.auth.user && auth.password === options.auth.pass;
        if (!ok) return callback(smtpError('Invalid username or password', 535));
        callback(null, { user: auth.username ?? '' });
      },
      onRcptTo(address, _session, callback) {
        if (rejected.has(address.address.toLowerCase())) return callback(smtpError('No such user here', 550));
        callback();
      },
      onData(stream, session, callback) {
        readStream(stream).then((raw) => {
          attempts += 1;
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            return callback(smtpError('Temporary failure, try again later', failCode));
          }
          capture(raw, session);
          callback(null, `Message queued as ${messages.length}`);
        }, (err: Error) => callback(err));
      },
    });
  }

  async function listen(): Promise<void> {
    const next = createServer();
    await new Promise<void>((resolve, reject) => {
      next.server.once('error', reject);
      next.listen(port, HOST, () => {
        next.server.off('error', reject);
        resolve();
      });
    });
    const address = next.server.address();
    if (address && typeof address === 'object') port = address.port;
    server = next;
  }

  async function close(): Promise<void> {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  }

  await listen();

  return {
    get url() { return `smtp://${HOST}:${port}`; },
    get port() { return port; },
    messages,
    get attempts() { return attempts; },
    get mode() { return mode; },
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`SMTP test server: expected ${count} message(s), got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return messages.slice(0, count);
    },
    async setMode(next) {
      if (next === 'refuse' && server) await close();
      if (next !== 'refuse' && !server) await listen();
      mode = next;
    },
    failNext(count, code = 451) {
      failuresLeft = count;
      failCode = code;
    },
    async stop() {
      await close();
    },
  };
}

/* ---- Minimal MIME decoding (mailparser is not a dependency): enough for what nodemailer sends. ---- */

export interface ParsedMime {
  /** The first text/plain part, decoded. */
  text: string;
  /** The first text/html part, decoded, or null. */
  html: string | null;
}

interface MimePart { headers: Record<string, string>; body: string }

function splitHeaders(source: string): MimePart {
  const normalized = source.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? '' : normalized.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= decodeEncodedWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBytes(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function quotedPrintableBytes(value: string): Buffer {
  const joined = value.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: =?UTF-8?Q?...?= and =?UTF-8?B?...?=, adjacent words joined without the space between. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, encoding: string, text: string) => {
      const bytes = encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : quotedPrintableBytes(text.replace(/_/g, ' '));
      return decodeBytes(bytes, charset);
    });
}

function contentType(headers: Record<string, string>): { type: string; params: Record<string, string> } {
  const [type = 'text/plain', ...rest] = (headers['content-type'] ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq > 0) params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"|"$/g, '');
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeBody(part: MimePart, charset: string): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'base64') return decodeBytes(Buffer.from(part.body.replace(/\s+/g, ''), 'base64'), charset);
  if (encoding === 'quoted-printable') return decodeBytes(quotedPrintableBytes(part.body), charset);
  return part.body;
}

function leaves(part: MimePart): { type: string; content: string }[] {
  const { type, params } = contentType(part.headers);
  if (type.startsWith('multipart/') && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const sections = part.body.split(new RegExp(`^${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*$`, 'm'));
    // sections[0] is the preamble, the last one the epilogue; the line break before a delimiter
    // belongs to the delimiter (RFC 2046), not to the part.
    return sections.slice(1, -1).flatMap((section) => leaves(splitHeaders(section.replace(/^\n/, '').replace(/\n$/, ''))));
  }
  return [{ type, content: decodeBody(part, params.charset ?? 'utf-8') }];
}

export function parseMime(raw: string): ParsedMime & { headers: Record<string, string> } {
  const root = splitHeaders(raw);
  const parts = leaves(root);
  const text = parts.find((p) => p.type === 'text/plain')?.content ?? '';
  const html = parts.find((p) => p.type === 'text/html')?.content ?? null;
  return { headers: root.headers, text, html };
}
