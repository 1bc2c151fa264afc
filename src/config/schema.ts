// The configuration schema: every key, its type, bounds and meaning. `config/default.json` provides the
// defaults; environment variables override them (see envName in load.ts); the README table is generated
// from the descriptions here by scripts/config-table.mjs.
import { Type, type Static } from 'typebox';

const Int = (min: number, max: number, description: string) => Type.Integer({ minimum: min, maximum: max, description });
const Bool = (description: string) => Type.Boolean({ description });
const Str = (description: string, extra: Record<string, unknown> = {}) => Type.String({ description, ...extra });

export const ConfigSchema = Type.Object(
  {
    port: Int(0, 65535, 'HTTP port'),
    host: Str('HTTP listen address', { minLength: 1 }),
    public_url: Str('Public base URL used in email and webhook links (default http://HOST:PORT)'),
    database_url: Str('PostgreSQL connection string; empty = embedded PostgreSQL (PGlite) under DATA_DIR'),
    data_dir: Str('Directory for the embedded database', { minLength: 1 }),
    log_level: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { description: 'pino log level' }),
    log_pretty: Bool('Human-readable logs (for a terminal); JSON otherwise'),
    demo: Bool('On an empty database, create demo users, a watchlist, a policy and a replaying drill source'),
    admin_email: Str('First start with no users: email of the admin to create'),
    admin_password: Str('First start with no users: password of that admin (generated and printed once when empty)'),
    smtp_url: Str('SMTP server for email, e.g. smtp://user:pass@host:587; empty = email disabled (recorded as not sent)'),
    mail_from: Str('From address of notification emails', { minLength: 3 }),
    http: Type.Object({
      body_limit_bytes: Int(1024, 104857600, 'Largest request body accepted by ordinary routes (413 beyond)'),
      trust_proxy: Bool('Trust X-Forwarded-* headers (behind a reverse proxy)'),
    }, { additionalProperties: false }),
    auth: Type.Object({
      session_ttl_hours: Int(1, 24 * 90, 'Lifetime of a login session (cookie and login token)'),
      token_ttl_days: Int(0, 3650, 'Lifetime of API tokens made by `pilotfish token create`; 0 = no expiry'),
      login_rate_limit_per_minute: Int(1, 10000, 'Login attempts per minute per IP'),
      cookie_secure: Type.Union([Type.Literal('auto'), Type.Literal('true'), Type.Literal('false')], { description: 'Secure flag on the session cookie; auto = when PUBLIC_URL is https' }),
      oidc: Type.Object({
        issuer: Str('Single sign-on: OpenID Connect issuer URL (discovery at ISSUER/.well-known/openid-configuration); empty = SSO off, password login only'),
        client_id: Str('Client id registered at the provider (required with an issuer)'),
        client_secret: Str('Client secret registered at the provider (never logged)'),
        redirect_uri: Str('Callback registered at the provider; empty = PUBLIC_URL/api/v1/auth/oidc/callback'),
        scopes: Type.Array(Type.String({ minLength: 1, pattern: '^\\S+$' }), { description: 'Scopes asked for (comma-separated in the environment); openid is always added' }),
        role_claim: Str('Claim (ID token or userinfo) that holds the user\'s roles or groups at the provider, a string or a list; a dotted path reaches nested claims, e.g. realm_access.roles'),
        role_map: Type.Array(Type.String({ pattern: '^[^=]+=(admin|crisis|comms|ambassador)$' }), { description: 'Claim value=Pilotfish role, e.g. pilotfish-admins=admin (comma-separated in the environment); the first entry that matches wins' }),
        default_role: Type.Union(['', 'admin', 'crisis', 'comms', 'ambassador'].map((r) => Type.Literal(r)), { description: 'Role of a user none of whose claim values is mapped; empty = such a user is refused' }),
        groups_claim: Str('Claim listing the user\'s audience groups (created when missing; memberships added at each sign-in); empty = groups are not taken from the provider'),
        allow_http: Bool('Accept an http:// issuer (local development and tests only; production providers use https)'),
        request_ttl_seconds: Int(30, 3600, 'Time a user has to sign in at the provider before the request expires'),
      }, { additionalProperties: false }),
    }, { additionalProperties: false }),
    collectors: Type.Object({
      enabled: Bool('Run the feed poller in this instance'),
      tick_seconds: Int(1, 3600, 'How often the poller looks for due sources'),
      batch_size: Int(1, 10000, 'Sources claimed per tick'),
      per_host_concurrency: Int(1, 100, 'Concurrent fetches per host'),
      concurrency: Int(1, 1000, 'Concurrent fetches overall'),
      default_poll_interval_seconds: Int(10, 86400, 'Poll interval of a new RSS source'),
      min_poll_interval_seconds: Int(1, 86400, 'Smallest poll interval a source may ask for'),
      timeout_ms: Int(100, 300000, 'Timeout of one feed fetch'),
      max_bytes: Int(1024, 104857600, 'Largest feed accepted (after decompression)'),
      max_redirects: Int(0, 20, 'Redirects followed per fetch'),
      max_failures: Int(1, 1000, 'Consecutive failures before a source is disabled'),
      poll_max_pages: Int(1, 100, 'Pages a poll connector (reddit, hackernews, json) reads per tick while catching up'),
      max_backoff_seconds: Int(60, 604800, 'Longest wait between retries of a failing source'),
      allow_private: Bool('Allow feed and webhook URLs that resolve to private, loopback or link-local addresses'),
      allow_hosts: Type.Array(Type.String({ minLength: 1 }), { description: 'Hosts or IPs allowed even if private (comma-separated in the environment), e.g. 127.0.0.1' }),
      user_agent: Str('User-Agent of feed requests', { minLength: 1 }),
      secret_key: Str('Key that encrypts sources\' secrets (tokens, passwords, header values); generated and stored in the database when empty'),
    }, { additionalProperties: false }),
    stream_connectors: Type.Object({
      enabled: Bool('Hold stream sources (Bluesky, Mastodon) in this instance'),
      lease_seconds: Int(5, 300, 'Lease on a stream source, renewed while connected; a dead holder\'s sources are taken over after it'),
      acquire_seconds: Int(1, 300, 'How often an instance looks for stream sources nobody holds'),
      cursor_save_seconds: Int(1, 60, 'How often the resume cursor and health of a stream source are saved'),
      stall_seconds: Int(5, 3600, 'A connection silent for this long (not even a ping) is closed and reopened'),
      max_frame_bytes: Int(1024, 67108864, 'Larger frames are skipped (and four times larger close the connection)'),
      backoff_min_ms: Int(10, 600000, 'First reconnect delay (doubles per failure, with jitter)'),
      backoff_max_seconds: Int(1, 86400, 'Longest reconnect delay'),
      catch_up_lag_seconds: Int(1, 86400, 'A connected source further behind than this shows as catching up'),
      max_sources: Int(1, 10000, 'Stream sources one instance holds at most'),
      max_pending: Int(10, 1000000, 'Events read but not yet stored beyond which reading pauses'),
      bluesky_url: Str('Jetstream endpoint of Bluesky sources that give none', { minLength: 1 }),
      mastodon_poll_seconds: Int(5, 86400, 'Poll interval of a Mastodon source whose streaming API is unavailable'),
    }, { additionalProperties: false }),
    ingest: Type.Object({
      max_items: Int(1, 100000, 'Mentions per push request'),
      max_bytes: Int(1024, 104857600, 'Body size of a push request'),
      max_concurrent_requests: Int(1, 1000, 'Push requests processed at once; beyond that 503 with Retry-After'),
      retry_after_seconds: Int(1, 3600, 'Retry-After sent with 503'),
      scoring_threads: Int(0, 64, 'Worker threads that score large batches (0 = score on the main thread)'),
      scoring_min_batch: Int(1, 100000, 'Batches smaller than this are scored on the main thread'),
    }, { additionalProperties: false }),
    signals: Type.Object({
      rate_limit_per_hour: Int(1, 100000, 'Ambassador signals per user per hour'),
      preview_enabled: Bool('Fetch the preview (OpenGraph / oEmbed title, description, site, image URL) of a link shared with a signal, under the collectors\' address policy'),
      preview_timeout_ms: Int(100, 60000, 'Time limit of a link preview fetch (the report is filed without a preview beyond it)'),
      preview_max_bytes: Int(1024, 10485760, 'Largest page read for a link preview'),
    }, { additionalProperties: false }),
    invitations: Type.Object({
      link_ttl_hours: Int(1, 24 * 30, 'Lifetime of an invitation\'s one-time sign-in link'),
      max_rows: Int(1, 100000, 'Rows accepted in one CSV import of invitations'),
    }, { additionalProperties: false }),
    push: Type.Object({
      vapid_public_key: Str('VAPID public key (base64url) for Web Push; empty = a key pair is generated and kept in the database'),
      vapid_private_key: Str('VAPID private key (base64url); set together with the public key'),
      vapid_subject: Str('VAPID contact (mailto: or https: URL) given to push services; empty = mailto: of MAIL_FROM'),
      timeout_ms: Int(100, 120000, 'Time limit of one request to a push service (then retried by the outbox)'),
      ttl_seconds: Int(0, 2419200, 'How long a push service keeps a notification for a device that is offline'),
    }, { additionalProperties: false }),
    retention: Type.Object({
      mentions_days: Int(1, 36500, 'Raw mentions older than this are deleted (bucket aggregates are kept)'),
      batch_size: Int(10, 1000000, 'Rows deleted per statement by the retention job'),
      cron: Str('When the retention job runs (cron syntax)', { minLength: 9 }),
    }, { additionalProperties: false }),
    detection: Type.Object({
      bucket_seconds: Int(60, 86400, 'Detection bucket size'),
      history_days: Int(1, 365, 'Bucket history replayed into the detector at start'),
    }, { additionalProperties: false }),
    alerts: Type.Object({
      tick_seconds: Int(1, 3600, 'How often escalation timers and the outbox are checked'),
      ack_timeout_minutes: Int(0, 10080, 'An acknowledged alert re-opens after this long unless resolved; 0 = never'),
      auto_resolve: Bool('Resolve alerts automatically when their episode ends'),
      max_repeats: Int(0, 100, 'Upper bound on `repeat` loops of an escalation policy'),
      webhook_secret: Str('HMAC-SHA256 secret for webhook signatures (generated and stored in the database when empty)'),
      webhook_timeout_ms: Int(100, 120000, 'Timeout of one webhook delivery'),
    }, { additionalProperties: false }),
    outbox: Type.Object({
      max_attempts: Int(1, 100, 'Delivery attempts before a notification is dead-lettered'),
      base_delay_seconds: Int(1, 3600, 'First retry delay (doubles each attempt, with jitter)'),
      max_delay_seconds: Int(1, 86400, 'Longest retry delay'),
      lease_seconds: Int(5, 3600, 'A claimed delivery is retried after this long if its worker died mid-delivery (at-least-once; receivers dedupe on the delivery id)'),
    }, { additionalProperties: false }),
    stream: Type.Object({
      heartbeat_seconds: Int(1, 3600, 'Websocket ping interval'),
      replay_limit: Int(0, 100000, 'Events replayed at most on reconnect with ?since='),
    }, { additionalProperties: false }),
    metrics: Type.Object({
      token: Str('Bearer token Prometheus must send to read /metrics (scrape option `authorization` / `bearer_token`); empty = /metrics refused unless metrics.public'),
      public: Bool('Serve /metrics without a token (only behind a network that keeps it private)'),
    }, { additionalProperties: false }),
    database: Type.Object({
      pool_size: Int(1, 1000, 'Connections in the request pool (PostgreSQL)'),
      jobs_pool_size: Int(1, 100, 'Connections reserved for background jobs and /health, so slow reads cannot starve them (PostgreSQL)'),
      statement_timeout_ms: Int(0, 3600000, 'A statement running longer is cancelled (0 = no limit); requests answer 503, jobs retry'),
      idle_in_transaction_timeout_ms: Int(0, 3600000, 'A session idle inside a transaction longer than this is ended, releasing its locks (0 = no limit)'),
    }, { additionalProperties: false }),
    talking_points: Type.Object({
      do_not_say: Type.Array(Type.String({ minLength: 1 }), { description: 'Words and phrases refused in shareable talking points (case- and accent-insensitive whole words; a trailing * matches any ending; comma-separated in the environment)' }),
    }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export type Config = Static<typeof ConfigSchema>;
