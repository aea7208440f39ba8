import { spawn, type ChildProcess } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** the HJ 212 listener's port (null when HJ212_PORT=off) */
  hj212: number | null;
  output(): string;
}

/**
 * Starts `shuangtan serve` as a real child process with `env` and resolves once it listens: the HTTP URL and,
 * unless HJ212_PORT is off, the HJ 212 port it printed.
 */
export function startServeProcess(env: Record<string, string | undefined>): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/shuangtan.mjs', 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const wantHj212 = !/^(off|none)$/i.test(env.HJ212_PORT ?? '');
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const http = /running at (http:\/\/localhost:\d+)/.exec(out);
      const hj212 = /listening on TCP port (\d+)/.exec(out);
      if (http && (hj212 || !wantHj212)) {
        clearTimeout(timer);
        resolve({ child, url: http[1].replace('localhost', '127.0.0.1'), hj212: hj212 ? Number(hj212[1]) : null, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
}

/** Resolves when the process has exited (at once if it already has). */
export const exited = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));
