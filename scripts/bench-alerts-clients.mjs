// Child process of bench-alerts.mjs: opens N websocket clients and reports, per event, when each client
// received it (wall clock, ms). Talks to the parent over IPC.
import { WebSocket } from 'ws';

const { url, tokens, count } = JSON.parse(process.argv[2]);
const receipts = new Map(); // eventId → { type, times: number[], perClient: Map<clientIndex, count> }
let open = 0;
const sockets = [];
for (let i = 0; i < count; i++) {
  const ws = new WebSocket(url, { headers: { authorization: `Bearer ${tokens[i % tokens.length]}` }, perMessageDeflate: false });
  ws.on('open', () => { if (++open === count) process.send({ type: 'ready' }); });
  ws.on('message', (raw) => {
    const at = Date.now();
    const ev = JSON.parse(String(raw));
    let r = receipts.get(ev.id);
    if (!r) receipts.set(ev.id, (r = { type: ev.type, watchlist: ev.data?.watchlist_id ?? null, times: [], perClient: new Map() }));
    r.times.push(at);
    r.perClient.set(i, (r.perClient.get(i) ?? 0) + 1);
  });
  ws.on('error', (err) => process.send({ type: 'error', message: err.message }));
  sockets.push(ws);
}
process.on('message', (msg) => {
  if (msg.type === 'report') {
    const events = [...receipts].map(([id, r]) => ({ id, type: r.type, watchlist: r.watchlist, times: r.times, clients: r.perClient.size, duplicates: [...r.perClient.values()].filter((n) => n > 1).length }));
    process.send({ type: 'report', events });
  } else if (msg.type === 'exit') {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
