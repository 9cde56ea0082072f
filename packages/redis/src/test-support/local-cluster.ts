/**
 * A Redis Cluster of its own for tests: three masters from the machine's `redis-server` (and, when
 * asked, a replica for each), on free ports under a temporary directory, joined with `redis-cli
 * --cluster create`. Nothing is persisted; `stop()` kills the servers it started (and nothing else)
 * and removes the directory. `killNode` kills one with -9, `waitForFailover` waits until its
 * replica has taken its slots over, as a production cluster does when a master's machine dies.
 */

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import getPort from 'get-port';
import type { RedisNode, RedisTarget } from '../redis-connection.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LocalCluster {
  /** Every node, masters and replicas: all of them seed a client. */
  readonly nodes: readonly RedisNode[];
  readonly target: RedisTarget & { kind: 'cluster' };
  /** REDIS_CLUSTER_NODES for it: `127.0.0.1:P1,127.0.0.1:P2,…`. */
  readonly nodeList: string;
  /** The port of the master serving `key`'s slot now. */
  masterOf(key: string): Promise<number>;
  /** kill -9 of the node on `port`. */
  killNode(port: number): Promise<void>;
  /**
   * Waits until the slots the master on `port` served are served by another master (its replica,
   * promoted) and the cluster says `cluster_state:ok` again; returns the new master's port.
   */
  waitForFailover(port: number, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

export interface LocalClusterOptions {
  /** Masters; default 3. */
  masters?: number;
  /** Replicas per master; default 0. */
  replicas?: number;
  /**
   * cluster-node-timeout: how long a node may not answer before it is failing and its replica
   * takes over (default 5000 ms; a failover test wants it small).
   */
  nodeTimeoutMs?: number;
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await getPort({ host: '127.0.0.1' }));
  return [...ports];
}

async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args]);
  return stdout;
}

async function until<T>(
  what: string,
  check: () => Promise<T | false | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  while (Date.now() < giveUpAt) {
    const answer = await check().catch(() => undefined);
    if (answer !== false && answer !== undefined) return answer;
    await sleep(100);
  }
  throw new Error(`local Redis Cluster: ${what} within ${timeoutMs} ms`);
}

/** `CLUSTER NODES` of the node on `port`: each line `id host:port@bus flags master ... slots…`. */
async function clusterNodes(port: number) {
  return (await redisCli(port, 'cluster', 'nodes'))
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id = '', address = '', flags = '', , , , , , ...slots] = line.split(' ');
      return {
        id,
        port: Number(address.split('@')[0]?.split(':')[1]),
        flags: flags.split(','),
        slots,
      };
    });
}

const servesSlot = (ranges: readonly string[], slot: number) =>
  ranges.some((range) => {
    if (range.startsWith('[')) return false; // a slot being migrated
    const [from, to = from] = range.split('-').map(Number);
    return from !== undefined && to !== undefined && slot >= from && slot <= to;
  });

export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const masters = options.masters ?? 3;
  const size = masters * (1 + (options.replicas ?? 0));
  const directory = mkdtempSync(path.join(tmpdir(), 'urbangrid-redis-cluster-'));
  // Each node needs a client port and a cluster-bus port (cluster-port, else port + 10000).
  const ports = await distinctFreePorts(size * 2);
  const nodes = ports.slice(0, size).map((port) => ({ host: '127.0.0.1', port }));
  const servers = new Map<number, ChildProcess>();
  const running = (server: ChildProcess | undefined) =>
    server !== undefined && server.exitCode === null && server.signalCode === null;
  const kill = async (server: ChildProcess) => {
    if (!running(server)) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    await Promise.all([...servers.values()].map(kill));
    rmSync(directory, { recursive: true, force: true });
  };
  const alive = () => nodes.filter((node) => running(servers.get(node.port)));
  try {
    nodes.forEach((node, i) => {
      const server = spawn(
        'redis-server',
        [
          '--port',
          String(node.port),
          '--cluster-port',
          String(ports[size + i]),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${node.port}.conf`,
          '--cluster-node-timeout',
          String(options.nodeTimeoutMs ?? 5000),
          '--dir',
          directory,
          '--save',
          '',
          '--appendonly',
          'no',
        ],
        { stdio: 'ignore' },
      );
      server.on('error', () => undefined);
      servers.set(node.port, server);
    });
    for (const node of nodes) {
      await until(`redis-server on ${node.port} did not answer`, async () => {
        return (await redisCli(node.port, 'ping')).trim() === 'PONG';
      });
    }
    await run('redis-cli', [
      '--cluster',
      'create',
      ...nodes.map((node) => `${node.host}:${node.port}`),
      '--cluster-replicas',
      String(options.replicas ?? 0),
      '--cluster-yes',
    ]);
    for (const node of nodes) {
      await until(`node ${node.port} did not report cluster_state:ok`, async () =>
        (await redisCli(node.port, 'cluster', 'info')).includes('cluster_state:ok'),
      );
    }
    // Replicas in sync with their masters: a failover promotes a replica that has the data.
    for (const node of nodes) {
      await until(`node ${node.port} did not finish its replication`, async () => {
        const info = await redisCli(node.port, 'info', 'replication');
        return info.includes('role:master') || info.includes('master_link_status:up');
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const masterOf = async (key: string): Promise<number> => {
    const [asker] = alive();
    if (asker === undefined) throw new Error('local Redis Cluster: no node left');
    const slot = Number(await redisCli(asker.port, 'cluster', 'keyslot', key));
    const owner = (await clusterNodes(asker.port)).find(
      (node) => node.flags.includes('master') && !node.flags.includes('fail') && servesSlot(node.slots, slot),
    );
    if (owner === undefined) throw new Error(`local Redis Cluster: no master serves slot ${slot}`);
    return owner.port;
  };

  return {
    nodes,
    target: { kind: 'cluster', nodes },
    nodeList: nodes.map((node) => `${node.host}:${node.port}`).join(','),
    masterOf,
    async killNode(port) {
      const server = servers.get(port);
      if (server === undefined) throw new Error(`local Redis Cluster: no node on ${port}`);
      await kill(server);
    },
    async waitForFailover(port, timeoutMs = 60_000) {
      const [asker] = alive();
      if (asker === undefined) throw new Error('local Redis Cluster: no node left');
      const before = (await clusterNodes(asker.port)).find((node) => node.port === port);
      const firstSlot = Number(before?.slots[0]?.split('-')[0]);
      if (!Number.isInteger(firstSlot)) throw new Error(`local Redis Cluster: ${port} served no slot`);
      return until(
        `no replica took over from ${port}`,
        async () => {
          for (const node of alive()) {
            if (!(await redisCli(node.port, 'cluster', 'info')).includes('cluster_state:ok')) return false;
          }
          const owner = (await clusterNodes(asker.port)).find(
            (node) =>
              node.flags.includes('master') && node.port !== port && servesSlot(node.slots, firstSlot),
          );
          return owner?.port;
        },
        timeoutMs,
      );
    },
    stop,
  };
}
