/**
 * The signed-in session: token, who the user is, when the token expires. The token is refreshed a
 * minute before it expires (and on demand when a request finds it stale); a session that cannot be
 * refreshed ends and the router sends the user back to the login screen.
 *
 * Tabs share the session (localStorage). A refresh token works once and a second use ends the
 * session, so only one tab refreshes at a time (a Web Lock) and a tab that waited takes the pair
 * the other one stored instead of spending its own copy again.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  changePassword as changePasswordRequest,
  login as loginRequest,
  logoutSession,
  refreshSession,
} from '../api/auth-api';
import type { Role, Session } from '../api/contract';
import { configureHttp } from '../api/http';

const storageKey = 'urbangrid.session';
/** Refresh this long before the token expires. */
export const refreshMarginMs = 60_000;

interface StoredSession extends Session {
  /** When the access token expires, in ms since the epoch; null when unknown. */
  expiresAtMs: number | null;
}

/** The `exp` claim of a JWT in ms, or null when the token is not a readable JWT. */
export function jwtExpiryMs(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

function toStored(session: Session): StoredSession {
  const fromBody = session.expiresAt ? Date.parse(session.expiresAt) : Number.NaN;
  return { ...session, expiresAtMs: Number.isNaN(fromBody) ? jwtExpiryMs(session.token) : fromBody };
}

function loadStored(): StoredSession | null {
  const raw = globalThis.localStorage?.getItem(storageKey);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as StoredSession;
    if (typeof parsed.token !== 'string' || !parsed.user) return null;
    // Kept by an older console, without the cities' zones: refreshed (for them) before it is used.
    return parsed.user.timeZones ? parsed : { ...parsed, expiresAtMs: 0 };
  } catch {
    return null;
  }
}

/** Runs `work` while holding the tabs' refresh lock, where the browser has Web Locks. */
function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request('urbangrid.session.refresh', work) as Promise<T>) : work();
}

export const useAuthStore = defineStore('auth', () => {
  const session = ref<StoredSession | null>(loadStored());
  const signedOutReason = ref<'expired' | null>(null);
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<boolean> | null = null;

  const user = computed(() => session.value?.user ?? null);
  const roles = computed<Role[]>(() => session.value?.user.roles ?? []);
  const signedIn = computed(() => session.value !== null);
  /** Set by an admin: nothing but the password change until it is changed. */
  const mustChangePassword = computed(() => session.value?.user.mustChangePassword === true);

  function persist(next: StoredSession | null): void {
    session.value = next;
    if (next) globalThis.localStorage?.setItem(storageKey, JSON.stringify(next));
    else globalThis.localStorage?.removeItem(storageKey);
    scheduleRefresh();
  }

  function scheduleRefresh(): void {
    clearTimeout(refreshTimer);
    const expiresAt = session.value?.expiresAtMs;
    if (!session.value?.refreshToken || expiresAt == null) return;
    const wait = Math.max(0, expiresAt - refreshMarginMs - Date.now());
    refreshTimer = setTimeout(() => void refresh(), Math.min(wait, 2 ** 31 - 1));
  }

  async function login(username: string, password: string): Promise<void> {
    const next = await loginRequest(username, password);
    signedOutReason.value = null;
    persist(toStored(next));
  }

  /** Changes the password; the answer is a fresh session (the server ended every earlier one). */
  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    persist(toStored(await changePasswordRequest(currentPassword, newPassword)));
  }

  function logout(reason: 'expired' | null = null): void {
    const token = session.value?.token;
    signedOutReason.value = reason;
    persist(null);
    // Signing out ends the session on the server too (best effort: it expires anyway).
    if (reason === null && token) void logoutSession(token).catch(() => undefined);
  }

  // Another tab signed in, refreshed or signed out.
  globalThis.addEventListener?.('storage', (event: StorageEvent) => {
    if (event.key !== storageKey) return;
    session.value = loadStored();
    scheduleRefresh();
  });

  /** Exchanges the refresh token for a new pair; false (and signed out) when that fails. */
  function refresh(): Promise<boolean> {
    if (refreshing) return refreshing;
    const current = session.value;
    if (!current?.refreshToken) {
      logout('expired');
      return Promise.resolve(false);
    }
    refreshing = withRefreshLock(async () => {
      // Another tab may have refreshed while this one waited: its pair is the current one.
      const stored = loadStored();
      if (stored?.refreshToken && stored.refreshToken !== current.refreshToken) {
        persist(stored);
        return true;
      }
      persist(toStored(await refreshSession(current.refreshToken)));
      return true;
    })
      .catch(() => {
        logout('expired');
        return false;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  function expiresSoon(now = Date.now()): boolean {
    const expiresAt = session.value?.expiresAtMs;
    return expiresAt != null && expiresAt - refreshMarginMs <= now;
  }

  /** The token to send now: refreshed first when it is about to expire; null when signed out. */
  async function accessToken(): Promise<string | null> {
    if (!session.value) return null;
    if (expiresSoon()) {
      const expired = (session.value.expiresAtMs ?? Number.POSITIVE_INFINITY) <= Date.now();
      if (session.value.refreshToken) await refresh();
      else if (expired) logout('expired');
    }
    return session.value?.token ?? null;
  }

  configureHttp({ accessToken, onUnauthenticated: () => logout('expired') });
  scheduleRefresh();

  return {
    session,
    user,
    roles,
    signedIn,
    mustChangePassword,
    changePassword,
    signedOutReason,
    login,
    logout,
    refresh,
    accessToken,
    expiresSoon,
  };
});
