/**
 * A Redis Cluster of its own for tests: three masters (no replicas) from the machine's
 * `redis-server`, on free ports under a temporary directory, joined with `redis-cli --cluster
 * create`. Nothing is persisted; `stop()` kills the three servers it started (and nothing else)
 * and removes the directory.
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
  readonly nodes: readonly RedisNode[];
  readonly target: RedisTarget & { kind: 'cluster' };
  /** REDIS_CLUSTER_NODES for it: `127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3`. */
  readonly nodeList: string;
  stop(): Promise<void>;
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

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (Date.now() < giveUpAt) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`local Redis Cluster: ${what} within ${timeoutMs} ms`);
}

export async function startLocalCluster(options: { size?: number } = {}): Promise<LocalCluster> {
  const size = options.size ?? 3;
  const directory = mkdtempSync(path.join(tmpdir(), 'urbangrid-redis-cluster-'));
  // Each node needs a client port and a cluster-bus port (cluster-port, else port + 10000).
  const ports = await distinctFreePorts(size * 2);
  const nodes = ports.slice(0, size).map((port) => ({ host: '127.0.0.1', port }));
  const servers: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      servers.map(async (server) => {
        if (server.exitCode !== null || server.signalCode !== null) return;
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGKILL');
        await exited;
      }),
    );
    rmSync(directory, { recursive: true, force: true });
  };
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
          '5000',
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
      servers.push(server);
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
      '0',
      '--cluster-yes',
    ]);
    for (const node of nodes) {
      await until(`node ${node.port} did not report cluster_state:ok`, async () =>
        (await redisCli(node.port, 'cluster', 'info')).includes('cluster_state:ok'),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    nodes,
    target: { kind: 'cluster', nodes },
    nodeList: nodes.map((node) => `${node.host}:${node.port}`).join(','),
    stop,
  };
}
