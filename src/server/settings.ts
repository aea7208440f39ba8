import type { Queryable } from '../db/index.ts';

/** Small key/value facts about this installation (e.g. whether the demo region was loaded). */
export async function getSetting<T>(q: Queryable, key: string): Promise<T | undefined> {
  return (await q.query<{ value: T }>('select value from settings where key = $1', [key])).rows[0]?.value;
}

export async function setSetting(q: Queryable, key: string, value: unknown): Promise<void> {
  await q.query(
    `insert into settings (key, value) values ($1, $2::jsonb)
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}
