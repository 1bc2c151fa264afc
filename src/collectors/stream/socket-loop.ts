// Reads an open websocket until it closes, fails or the connection is stopped, handing each text frame to
// `onFrame`. When too much is waiting to be stored the socket is paused (TCP pushes back on the server)
// until the runtime has flushed. Pings and pongs count as life for stall detection.
import type WebSocket from 'ws';
import { ConnectorError } from './errors.js';
import { takeEarlyFrames } from './websocket.js';
import type { StreamContext } from './types.js';

export function readSocket(socket: WebSocket, ctx: StreamContext, what: string, onFrame: (text: string) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let finished = false;
    const finish = (err: ConnectorError | null) => {
      if (finished) return;
      finished = true;
      ctx.signal.removeEventListener('abort', onAbort);
      socket.removeAllListeners('message');
      socket.terminate();
      if (err) reject(err); else resolve();
    };
    const onAbort = () => finish(ctx.signal.reason instanceof ConnectorError ? ctx.signal.reason : new ConnectorError('network', 'stopped'));
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const onMessage = (data: WebSocket.RawData, isBinary: boolean) => {
      ctx.alive();
      if (isBinary) {
        ctx.skipped('binary_frame', 'binary frame ignored');
        return;
      }
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      try {
        onFrame(text);
      } catch (err) {
        ctx.skipped('malformed', (err as Error).message);
      }
      if (ctx.backlogged() && !socket.isPaused) {
        socket.pause();
        ctx.flush().then(() => { if (!finished) socket.resume(); }, (err: unknown) => finish(err instanceof ConnectorError ? err : new ConnectorError('storage', String(err))));
      }
    };
    for (const [data, isBinary] of takeEarlyFrames(socket)) onMessage(data, isBinary);
    socket.on('message', onMessage);
    socket.on('ping', () => ctx.alive());
    socket.on('pong', () => ctx.alive());
    socket.on('error', (err) => {
      const oversize = /max payload|1009|too big/i.test(err.message);
      if (oversize) ctx.skipped('oversize', err.message);
      finish(new ConnectorError('network', `${what}: ${err.message}`));
    });
    socket.on('close', (code, reason) => finish(new ConnectorError('network', `${what} closed the connection (${code}${reason.length ? ` ${reason.toString('utf8').slice(0, 100)}` : ''})`)));
  });
}
