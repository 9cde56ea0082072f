import pg from 'pg';

/**
 * Test databases: one template per schema-and-seed fingerprint, migrated and seeded once, then a
 * cheap `CREATE DATABASE … TEMPLATE` clone per test file so files run in parallel without sharing
 * state. `adminUrl` points at any database of the server (usually `postgres`).
 */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Builds the template once across concurrent callers (advisory lock); a half-built one is rebuilt. */
export async function ensureTemplateDatabase(
  adminUrl: string,
  name: string,
  build: (url: string) => Promise<void>,
): Promise<string> {
  await withAdmin(adminUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(7710002)');
    try {
      const found = await admin.query<{ ok: boolean }>(
        `select coalesce(shobj_description(oid, 'pg_database') = 'ready', false) as ok from pg_database where datname = $1`,
        [name],
      );
      if (found.rows[0]?.ok) return;
      await admin.query(`drop database if exists ${quote(name)} with (force)`);
      await admin.query(`create database ${quote(name)}`);
      await build(databaseUrl(adminUrl, name));
      await admin.query(`comment on database ${quote(name)} is 'ready'`);
    } finally {
      await admin.query('select pg_advisory_unlock(7710002)');
    }
  });
  return name;
}

export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<string> {
  await withAdmin(adminUrl, async (admin) => {
    await admin.query(`drop database if exists ${quote(name)} with (force)`);
    // Cloning needs the template free of sessions; retry briefly if another clone holds it.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${quote(name)} template ${quote(template)}`);
        return;
      } catch (error) {
        if (attempt >= 50 || !String(error).includes('is being accessed by other users')) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 100));
      }
    }
  });
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${quote(name)} with (force)`));
}

/** Removes templates of older fingerprints so the server does not fill up with them. */
export async function dropStaleTemplates(adminUrl: string, prefix: string, keep: string): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    const rows = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1 and datname <> $2',
      [`${prefix}%`, keep],
    );
    for (const row of rows.rows) {
      await admin.query(`drop database if exists ${quote(row.datname)} with (force)`).catch(() => undefined);
    }
  });
}
