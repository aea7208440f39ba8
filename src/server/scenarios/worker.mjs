// Entry of a scenario worker thread (node:worker_threads). The worker runs TypeScript: when the thread has no
// TypeScript loader (tsx registered in the main thread does not reach workers), it registers tsx itself and
// imports again under another URL (a failed import stays cached under the first).
try {
  await import('./worker-main.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker-main.ts?tsx');
}
