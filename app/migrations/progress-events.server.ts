// Live progress as server-sent events: a snapshot now, then one after every committed pipeline
// step (PostgreSQL LISTEN), at most a few a second. The page falls back to polling when this fails.
import { ownedSnapshot } from './views.server.ts';
import { listenForProgress } from '../pipeline/staging/progress.server.ts';

const MIN_GAP_MS = 250;
const HEARTBEAT_MS = 15_000;

/** The event stream for a migration the shop owns; it stops when the browser goes away (`request.signal`). */
export async function progressEvents(request: Request, shop: string, id: string): Promise<Response> {
  const first = await ownedSnapshot(shop, id);
  const encoder = new TextEncoder();
  let stop = async () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let lastSent = 0;
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      };
      const sendSnapshot = async () => {
        timer = undefined;
        lastSent = Date.now();
        const snapshot = await ownedSnapshot(shop, id).catch(() => null);
        if (snapshot) send(`data: ${JSON.stringify(snapshot)}\n\n`);
      };
      // Many steps can commit in a burst; coalesce them so a browser gets a steady few updates a second.
      const onChange = () => {
        if (timer) return;
        timer = setTimeout(() => void sendSnapshot(), Math.max(0, MIN_GAP_MS - (Date.now() - lastSent)));
      };
      const stopListening = await listenForProgress(process.env.DATABASE_URL as string, id, onChange);
      const heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
      stop = async () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        if (timer) clearTimeout(timer);
        await stopListening();
        try {
          controller.close();
        } catch {
          // Already cancelled by the browser going away: nothing left to close.
        }
      };
      request.signal.addEventListener('abort', () => void stop());
      // Tells the browser how long to wait before reconnecting on its own.
      send(`retry: 3000\ndata: ${JSON.stringify(first)}\n\n`);
    },
    cancel() {
      return stop();
    },
  });

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
