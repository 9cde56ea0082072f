import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('the Redis configuration', () => {
  it('REDIS_CLUSTER_NODES names a cluster and hash-tags QUEUE_PREFIX', () => {
    const config = loadConfig({
      REDIS_CLUSTER_NODES: 'redis-a:7000,redis-b:7001',
      REDIS_URL: 'redis://x:6379',
    });
    expect(config.REDIS_CLUSTER_NODES).toEqual([
      { host: 'redis-a', port: 7000 },
      { host: 'redis-b', port: 7001 },
    ]);
    expect(config.QUEUE_PREFIX).toBe('{urbangrid}');
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:7000', QUEUE_PREFIX: '{city}-prod' }).QUEUE_PREFIX).toBe(
      '{city}-prod',
    );
  });

  it('one server keeps QUEUE_PREFIX as given', () => {
    expect(loadConfig({ REDIS_URL: 'redis://x:6379' }).QUEUE_PREFIX).toBe('urbangrid');
  });

  it('a bad node list is one line naming the variable', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(
      /^Invalid environment variable REDIS_CLUSTER_NODES: expected host:port \(got "redis-a"\)$/,
    );
  });
});
