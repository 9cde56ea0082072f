/**
 * CPU time used on this machine, by program: PostgreSQL (every `postgres` process: backends, WAL
 * writer, checkpointer), Redis, the system's own processes and this benchmark process. Read from
 * Linux /proc before and after some work, it says what the work cost each of them — where a
 * throughput figure alone cannot tell whether node, the database or Redis is the limit.
 */
import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

export interface CpuByProgram {
  postgres: number;
  redis: number;
  /** The system's processes (the pids given), together. */
  system: number;
  /** This process: the load generator or the raw baseline's client. */
  bench: number;
}

/**
 * A process's name and CPU seconds from /proc/<pid>/stat (null once it is gone): its own user and
 * system time, and with `children` also that of its exited children it waited for — PostgreSQL's
 * postmaster holds there what the backends of closed connections used.
 */
export async function processCpu(
  pid: string | number,
  children = false,
): Promise<{ name: string; seconds: number } | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th,
    // cutime and cstime the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = (children ? [11, 12, 13, 14] : [11, 12]).reduce((sum, n) => sum + Number(fields[n]), 0);
    return { name, seconds: ticks / USER_HZ };
  } catch {
    return null; // Gone between the listing and the read.
  }
}

/** CPU seconds used so far by each program (processes alive now). */
export async function cpuByProgram(systemPids: readonly number[]): Promise<CpuByProgram> {
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry));
  const total: CpuByProgram = { postgres: 0, redis: 0, system: 0, bench: 0 };
  const system = new Set(systemPids.map(String));
  await Promise.all(
    pids.map(async (pid) => {
      const cpu = await processCpu(pid, true);
      if (cpu === null) return;
      if (system.has(pid)) total.system += cpu.seconds;
      else if (pid === String(process.pid)) total.bench += cpu.seconds;
      else if (cpu.name === 'postgres') total.postgres += cpu.seconds;
      else if (cpu.name.startsWith('redis-server')) total.redis += cpu.seconds;
    }),
  );
  return total;
}

/** What was used between two readings, in milliseconds per unit of work (`count` of them). */
export function cpuPerUnit(before: CpuByProgram, after: CpuByProgram, count: number): CpuByProgram {
  const per = (key: keyof CpuByProgram) => ((after[key] - before[key]) * 1000) / Math.max(count, 1);
  return { postgres: per('postgres'), redis: per('redis'), system: per('system'), bench: per('bench') };
}

/**
 * Waits until the system's processes have been idle for a second (under 5 % of a core): the work a
 * load left behind (jobs, relays) is done. Gives up after `timeoutMs`.
 */
export async function untilIdle(systemPids: readonly number[], timeoutMs = 120_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  let last = (await cpuByProgram(systemPids)).system;
  while (Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = (await cpuByProgram(systemPids)).system;
    if (now - last < 0.05) return;
    last = now;
  }
}
