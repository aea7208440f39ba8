import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../core/errors.ts';

/**
 * PGlite is a single-process database: two processes on one data directory would corrupt it.
 * A pid file guards the directory; a stale one (its process gone) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'shuangtan.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
        } catch { /* already gone */ }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new DomainError('data_dir_locked', {
          field: 'DATA_DIR',
          zh: `数据目录 ${dir} 正由另一个 Shuangtan 进程（PID ${pid}）使用；嵌入式数据库只允许一个进程。请先停止该进程，或设置不同的 DATA_DIR，或使用 DATABASE_URL 连接 PostgreSQL。`,
          en: `Data directory ${dir} is in use by another Shuangtan process (pid ${pid}); the embedded database allows one process only. Stop it, choose another DATA_DIR, or use DATABASE_URL for PostgreSQL.`,
        });
      }
      rmSync(file, { force: true }); // stale lock
    }
  }
  throw new Error(`could not lock ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
