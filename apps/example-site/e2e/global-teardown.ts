import { rm } from 'node:fs/promises';

/** Deletes this run's throwaway API database (and SQLite's -wal/-shm companions). */
export default async function globalTeardown(): Promise<void> {
  const database = process.env.E2E_DATABASE_URL;
  if (!database) return;
  await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => rm(database + suffix, { force: true })));
}
