/**
 * The signed-in person's notice inbox (通知): the latest notices, newest first, and how many are
 * unread. Loaded when the session starts; a live `notice` is put on top and counted unread; a
 * reconnect reloads (the socket loses what was sent while away, the server keeps it). A notice is
 * one row by id however often it arrives, and the unread count is the server's whenever it answers.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Notice } from '../api/contract';
import { ApiError, isApiError } from '../api/http';
import { listNotices, markNoticesRead } from '../api/notices-api';
import type { LiveNotice } from './live';
import { useLiveStore } from './live';

/** How many notices a load asks for. */
export const noticePageSize = 50;
/** The inbox keeps at most this many; older ones stay on the server. */
export const inboxLimit = 100;

const newestFirst = (a: Notice, b: Notice) => Date.parse(b.at) - Date.parse(a.at);
const asApiError = (e: unknown) => (isApiError(e) ? e : new ApiError(0, 'UNKNOWN', String(e)));

export const useNoticeInboxStore = defineStore('noticeInbox', () => {
  const items = ref<Notice[]>([]);
  const unread = ref(0);
  const loading = ref(false);
  /** A load has answered since the session started (before that, "no notices" is not known). */
  const loaded = ref(false);
  const error = ref<ApiError | null>(null);
  /** Bumped at sign-out: answers to the previous person's requests are dropped. */
  let session = 0;
  /** Only the latest load's answer is taken. */
  let loadSeq = 0;
  /** Live notices since the latest load was sent: its answer may have been read before them. */
  let arrivedSinceLoad = new Map<string, Notice>();
  let unsubscribe: (() => void)[] = [];

  async function load(): Promise<void> {
    const mine = ++loadSeq;
    arrivedSinceLoad = new Map();
    loading.value = true;
    error.value = null;
    try {
      const answer = await listNotices({ limit: noticePageSize });
      if (mine !== loadSeq) return;
      const known = new Set(answer.items.map((n) => n.id));
      const extra = [...arrivedSinceLoad.values()].filter((n) => !known.has(n.id));
      items.value = [...extra, ...answer.items].sort(newestFirst).slice(0, inboxLimit);
      unread.value = answer.unread + extra.filter((n) => !n.read).length;
      loaded.value = true;
    } catch (e) {
      if (mine === loadSeq) error.value = asApiError(e);
    } finally {
      if (mine === loadSeq) loading.value = false;
    }
  }

  function receive(live: LiveNotice): void {
    if (items.value.some((n) => n.id === live.id)) return;
    const { id, caseId, caseNo, event, audience, urgent, at } = live;
    const notice: Notice = { id, caseId, caseNo, event, data: null, audience, urgent, at, read: false };
    arrivedSinceLoad.set(id, notice);
    items.value = [notice, ...items.value].slice(0, inboxLimit);
    unread.value += 1;
  }

  /** Marks one notice read; the count shown is the one the server answers. */
  async function markRead(id: string): Promise<void> {
    const notice = items.value.find((n) => n.id === id);
    if (!notice || notice.read) return;
    const mine = session;
    try {
      const left = await markNoticesRead([id]);
      if (mine !== session) return;
      unread.value = left;
      const current = items.value.find((n) => n.id === id);
      if (current) current.read = true;
    } catch (e) {
      if (mine === session) error.value = asApiError(e);
    }
  }

  /** Marks every notice read but the urgent ones: each of those is acknowledged on its own (markRead). */
  async function markAllRead(): Promise<void> {
    const mine = session;
    const seen = new Set(items.value.filter((n) => !n.read && !n.urgent).map((n) => n.id));
    try {
      const left = await markNoticesRead();
      if (mine !== session) return;
      unread.value = left;
      // The server marked every notice it had; one that came live after it answered stays unread.
      for (const n of items.value) if (seen.has(n.id) || left === 0) n.read = true;
    } catch (e) {
      if (mine === session) error.value = asApiError(e);
    }
  }

  /** Starts the inbox for the signed-in person: a first load, then live notices. */
  function start(): void {
    if (unsubscribe.length > 0) return;
    const live = useLiveStore();
    unsubscribe = [
      live.subscribeNotices(receive),
      live.subscribe((event) => {
        if (event.type === 'resync') void load();
      }),
    ];
    void load();
  }

  /** Signed out: nothing of this person's inbox stays for the next one. */
  function stop(): void {
    for (const off of unsubscribe) off();
    unsubscribe = [];
    session += 1;
    loadSeq += 1;
    arrivedSinceLoad = new Map();
    items.value = [];
    unread.value = 0;
    loading.value = false;
    loaded.value = false;
    error.value = null;
  }

  return { items, unread, loading, loaded, error, load, receive, markRead, markAllRead, start, stop };
});
