import type { Redis } from 'ioredis';

/**
 * Bytes Redis has allocated (`INFO memory` used_memory); the deadline run reads it before and
 * after scheduling, so the difference is what the pending jobs cost.
 */
export async function redisUsedMemory(redis: Redis): Promise<number> {
  return infoField(await redis.info('memory'), 'used_memory');
}

/**
 * CPU seconds Redis has used, user plus system (`INFO cpu`); read around the firing phase to
 * tell a busy Redis from a busy Node process on a small machine.
 */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  return infoField(info, 'used_cpu_user') + infoField(info, 'used_cpu_sys');
}

function infoField(info: string, field: string): number {
  const match = new RegExp(`^${field}:([0-9.]+)\\r?$`, 'm').exec(info);
  if (!match) throw new Error(`Redis INFO has no ${field}`);
  return Number(match[1]);
}
