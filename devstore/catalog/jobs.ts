// Shopify's Job: "some long running task that the client should poll for status". A mutation that
// answers with one starts its work after the answer; the `job` query says when it is done.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { gid, parseGid } from './ids.ts';

interface JobRow {
  id: string;
  done: boolean;
}

function jobObject(row: JobRow) {
  return {
    __typename: 'Job',
    id: gid('Job', row.id),
    done: row.done,
    // "This field will only resolve once the job is done."
    query: () => {
      if (!row.done) return null;
      throw new NotImplementedError("Field 'Job.query'");
    },
  };
}

/** Records a job, runs `work` once the answer is out, then marks the job done; answers the Job as it stands now (not done). */
export async function startJob(context: RequestContext, work: (live: RequestContext) => Promise<void>) {
  const { rows } = await context.pool.query<JobRow>('INSERT INTO devstore.jobs (shop) VALUES ($1) RETURNING id, done', [
    context.shop.domain,
  ]);
  const row = rows[0] as JobRow;
  context.defer(async (live) => {
    await work(live);
    await live.pool.query('UPDATE devstore.jobs SET done = true WHERE id = $1', [row.id]);
  });
  return jobObject(row);
}

async function job(args: Args, context: RequestContext) {
  const id = parseGid(args.id, 'Job');
  if (!id || !/^\d{1,18}$/.test(id)) return null;
  const { rows } = await context.pool.query<JobRow>('SELECT id, done FROM devstore.jobs WHERE shop = $1 AND id = $2', [
    context.shop.domain,
    id,
  ]);
  return rows[0] ? jobObject(rows[0]) : null;
}

export const jobsModule: ResolverModule = { queries: { job } };
