import { randomInt } from 'node:crypto';

const RANGE = 2 ** 48 - 1;

/**
 * The production random source: uniform in [0, 1) from the operating system's CSPRNG, so that
 * nobody who has seen earlier decisions can predict which declaration will be drawn.
 */
export const cryptoRandom = (): number => randomInt(RANGE) / RANGE;
