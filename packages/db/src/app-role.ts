/**
 * Least privilege (architecture.md): the database's owner runs the migrations, the app connects as
 * `urbangrid_app` (made by migration 0011, with no UPDATE, DELETE or TRUNCATE on case_events), or
 * as a login role that is a member of it. This module gives that login the password of the app's
 * URL and tells whether a connection could rewrite the case history.
 */
import pg from 'pg';

/** The role migration 0011 makes and grants the app's privileges to. */
export const appRole = 'urbangrid_app';

/** The role a database URL signs in as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username) || 'postgres';
}

function passwordOfUrl(url: string): string | undefined {
  const password = decodeURIComponent(new URL(url).password);
  return password === '' ? undefined : password;
}

async function canSignIn(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch (error) {
    // 28P01 wrong password, 28000 not permitted to log in (NOLOGIN) or no pg_hba line.
    const code = (error as { code?: string }).code;
    if (code === '28P01' || code === '28000') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const concurrentChange = (error: unknown) => {
  const { code, message } = error as { code?: string; message?: string };
  return code === '23505' || code === '42710' || (code === 'XX000' && /concurrently/.test(String(message)));
};

/**
 * Run as the owner (a role with CREATEROLE) after the migrations: the login of `appUrl` exists,
 * can sign in with the URL's password and is `urbangrid_app` or a member of it. Roles belong to the
 * server, so processes migrating other databases of it may do the same at once: a change that lost
 * such a race is tried again. Nothing is done when the app's URL signs in as the owner itself (one
 * role for everything, which `historyGuard` then reports).
 */
export async function ensureAppLogin(owner: pg.ClientBase, ownerUrl: string, appUrl: string): Promise<void> {
  const login = roleOfUrl(appUrl);
  if (login === roleOfUrl(ownerUrl)) return;
  const password = passwordOfUrl(appUrl);
  const role = owner.escapeIdentifier(login);
  const withPassword = password === undefined ? '' : ` PASSWORD ${owner.escapeLiteral(password)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const found = await owner.query<{ member: boolean }>(
        `select pg_has_role(oid, $2, 'MEMBER') as member from pg_roles where rolname = $1`,
        [login, appRole],
      );
      const existing = found.rows[0];
      if (existing === undefined) {
        await owner.query(
          `CREATE ROLE ${role} LOGIN${withPassword} IN ROLE ${owner.escapeIdentifier(appRole)}`,
        );
        return;
      }
      if (!existing.member) await owner.query(`GRANT ${owner.escapeIdentifier(appRole)} TO ${role}`);
      if (!(await canSignIn(appUrl))) await owner.query(`ALTER ROLE ${role} LOGIN${withPassword}`);
      return;
    } catch (error) {
      if (attempt >= 5 || !concurrentChange(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

/**
 * Why the role `url` signs in as could rewrite the case history unseen (it is a superuser, owns
 * case_events or may change or remove its rows), or undefined when it cannot.
 */
export async function historyRewriteRight(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await rewriteRight(client);
  } finally {
    await client.end();
  }
}

async function rewriteRight(client: pg.Client): Promise<string | undefined> {
  const { rows } = await client.query<{
    role: string;
    superuser: boolean;
    owner: boolean;
    update: boolean;
    delete: boolean;
    truncate: boolean;
  }>(
    `select current_user as role, r.rolsuper as superuser,
            pg_has_role(current_user, c.relowner, 'MEMBER') as owner,
            has_table_privilege(c.oid, 'UPDATE') as update,
            has_table_privilege(c.oid, 'DELETE') as delete,
            has_table_privilege(c.oid, 'TRUNCATE') as truncate
       from pg_roles r, pg_class c
      where r.rolname = current_user and c.oid = 'public.case_events'::regclass`,
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  if (row.superuser) return `${row.role} is a superuser`;
  if (row.owner) return `${row.role} owns case_events`;
  const rights = (['update', 'delete', 'truncate'] as const).filter((right) => row[right]);
  if (rights.length > 0)
    return `${row.role} may ${rights.map((r) => r.toUpperCase()).join(', ')} case_events`;
  return undefined;
}
