// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded PostgreSQL.
// (The app and the worker also do this at start.)
import { openDatabase } from '../app/db/database.server.ts';
import { env } from '../app/shopify-app/env.server.ts';

const database = await openDatabase(env());
console.log('the database is up to date');
await database.close();
