// A PostgreSQL connection pool that outlives the server it talks to: when PostgreSQL stops (the
// embedded one at the end of a command, an operator's restart) it ends every connection with an
// error event on the idle clients, and a pool without a listener turns that into an unhandled
// `error` event that kills the process. Every long-lived pool Shipyard opens comes from here.
import pg from 'pg';

/**
 * What PostgreSQL says when it ends a connection on purpose: 57P01 admin_shutdown (a fast or smart
 * shutdown, pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html), or pg's own word for a socket
 * closed under it.
 */
export function isConnectionEnded(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (typeof code === 'string' && ['57P01', '57P02', '57P03'].includes(code)) ||
    (typeof message === 'string' && /Connection terminated/i.test(message))
  );
}

/**
 * A pool whose clients may lose their server without taking the process down: pg drops such a
 * client from the pool by itself (the next query opens a new one), so the expected termination is
 * ignored and anything else is written to stderr.
 */
export function openPool(connectionString: string, options: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, ...options });
  const report = (error: Error) => {
    if (!isConnectionEnded(error)) console.error(`PostgreSQL connection error: ${error.message}`);
  };
  pool.on('error', report);
  // A client checked out when its server goes: pg raises the error on its next query; the listener only keeps the event from being unhandled.
  pool.on('connect', (client) => client.on('error', report));
  return pool;
}
