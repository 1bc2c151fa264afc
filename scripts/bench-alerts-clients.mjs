// Child process of bench-alerts.mjs: opens N websocket clients and reports, per event, when each client
// received it (wall clock, ms). Talks to the parent over IPC. Clients connect 50 at a time and retry a
// refused connection (a 503 while the server's pool is busy authenticating the others), so the figure
// measures delivery, not a thundering herd of logins.
import { WebSocket } from 'ws';

const { url, tokens, count } = JSON.parse(process.argv[2]);
const receipts = new Map(); // eventId → { type, times: number[], perClient: Map<clientIndex, count> }
const sockets = [];

function connect(i) {
  return new Promise((resolve) => {
    const attempt = (left) => {
      const ws = new WebSocket(url, { headers: { authorization: `Bearer ${tokens[i % tokens.length]}` }, perMessageDeflate: false });
      ws.on('open', () => { sockets[i] = ws; resolve(); });
      ws.on('message', (raw) => {
        const at = Date.now();
        const ev = JSON.parse(String(raw));
        let r = receipts.get(ev.id);
        if (!r) receipts.set(ev.id, (r = { type: ev.type, watchlist: ev.data?.watchlist_id ?? null, times: [], perClient: new Map() }));
        r.times.push(at);
        r.perClient.set(i, (r.perClient.get(i) ?? 0) + 1);
      });
      ws.on('error', (err) => {
        if (sockets[i] !== ws && left > 0) return void setTimeout(() => attempt(left - 1), 200);
        if (process.connected) process.send({ type: 'error', message: err.message });
      });
    };
    attempt(20);
  });
}

for (let i = 0; i < count; i += 50) await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => connect(i + k)));
process.send({ type: 'ready' });

process.on('message', (msg) => {
  if (msg.type === 'report') {
    const events = [...receipts].map(([id, r]) => ({ id, type: r.type, watchlist: r.watchlist, times: r.times, clients: r.perClient.size, duplicates: [...r.perClient.values()].filter((n) => n > 1).length }));
    process.send({ type: 'report', events });
  } else if (msg.type === 'exit') {
    for (const ws of sockets) ws?.terminate();
    process.exit(0);
  }
});
