import { cpus } from 'node:os';

/** The machine a run measured, so figures from two runs can be told apart. */
export interface MachineInfo {
  node: string;
  cpus: number;
  cpuModel: string;
}

/** Called by both runs' figures and by the closing JSON line when only the deadline run ran. */
export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return { node: process.version, cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown' };
}
