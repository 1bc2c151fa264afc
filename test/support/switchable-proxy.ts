// A TCP proxy in front of a test server whose network can be cut: while "offline" it closes every open
// connection and refuses new ones, as a phone losing its network would (service worker fetches included,
// which the browser's own offline emulation does not reliably cover).
import net from 'node:net';

export interface SwitchableProxy { url: string; setOnline(online: boolean): void; close(): Promise<void> }

export async function startSwitchableProxy(targetUrl: string): Promise<SwitchableProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let online = true;
  const server = net.createServer((client) => {
    if (!online) return void client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => { client.destroy(); upstream.destroy(); });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    // localhost, not 127.0.0.1: another origin than the server's own URL, still a secure context.
    url: `http://localhost:${address.port}`,
    setOnline(value) {
      online = value;
      if (!value) for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
