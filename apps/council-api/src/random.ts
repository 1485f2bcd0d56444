/**
 * Seeded randomness, so generated data is the same on every machine: the demo seed (addresses,
 * waste rounds, the directory), the benchmark directory and the slots' demo bookings.
 */

/** The seed every fresh database uses. */
export const defaultSeed = 20_240_601;

/** Small, fast, seedable PRNG (mulberry32): the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
