import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { createWorkerApp } from '../../src/worker-app';
import type { TestApp } from './test-app';

/**
 * A job worker in a process of its own, built from the environment as `src/worker.ts` builds it
 * (createWorkerApp: application context, worker modules, no HTTP), so a test can SIGKILL it in
 * the middle of its work. It tells the parent over IPC when it is running. Without SIGTERM
 * handling on purpose: the tests that use it kill it. A test of the shutdown itself runs the real
 * entrypoint instead (`script: REAL_WORKER`), which also reports over IPC when it runs.
 *
 * Run as `node -r ts-node/register/transpile-only test/support/worker-process.ts`; from a test use
 * `startWorkerProcess(t, { SMTP_URL })`.
 */
async function main(): Promise<void> {
  await createWorkerApp(loadConfig(process.env), { logger: ['error', 'warn'] });
  process.send?.({ ready: true });
}

/** The production worker entrypoint, for `startWorkerProcess(t, env, { script: REAL_WORKER })`. */
export const REAL_WORKER = path.join('src', 'worker.ts');
const HARNESS_WORKER = path.join('test', 'support', 'worker-process.ts');

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkerProcess {
  child: ChildProcess;
  /** What the process wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** Resolves when the process has ended, with how. */
  exited: Promise<WorkerExit>;
  /** SIGKILL, then resolves once the process is gone. */
  kill(): Promise<void>;
}

/**
 * Starts the worker process for the deployment of `t` (same database, Redis prefix and session
 * secret); `env` overrides (e.g. SMTP_URL, DATABASE_URL). Resolves once its workers run; rejects
 * with its output when it ends before, or after `timeoutMs` (generous: it compiles the app with
 * ts-node, which takes far longer on a busy machine).
 */
export async function startWorkerProcess(
  t: TestApp,
  env: Record<string, string>,
  { timeoutMs = 120_000, script = HARNESS_WORKER }: { timeoutMs?: number; script?: string } = {},
): Promise<WorkerProcess> {
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: t.db.appUrl,
      DATABASE_OWNER_URL: t.db.ownerUrl,
      REDIS_URL: t.config.REDIS_URL,
      REDIS_PREFIX: t.config.redisPrefix,
      MAIL_FROM: t.config.MAIL_FROM,
      BASE_DOMAIN: t.config.BASE_DOMAIN,
      PORT: String(t.port),
      SESSION_SECRET: t.config.SESSION_SECRET,
      NODE_ENV: 'test',
      ...(t.config.SMTP_URL ? { SMTP_URL: t.config.SMTP_URL } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<WorkerExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker process not ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('message', (m: { ready?: boolean }) => {
      if (m?.ready) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`worker process ended (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return {
    child,
    output: () => output,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
