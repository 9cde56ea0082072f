import os from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  readonly hostname: string;
  /** 1, 5 and 15-minute load averages when the run started: other work skews the figures. */
  readonly loadAverage: readonly number[];
}

/** Enough to tell whether two recorded runs are comparable. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: os.platform(),
    arch: os.arch(),
    hostname: os.hostname(),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}
