import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/app-config';
import type { TestApp } from './test-app';

/**
 * A job worker in a process of its own, built from the environment exactly as `src/worker.ts`
 * builds it (application context, worker modules, no HTTP), so a test can SIGKILL it in the middle
 * of its work. It tells the parent over IPC when it is running. Without SIGTERM handling on
 * purpose: the tests that use it kill it.
 *
 * Run as `node -r ts-node/register/transpile-only test/support/worker-process.ts`; from a test use
 * `startWorkerProcess(t, { SMTP_URL })`.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, { worker: true }),
    { logger: ['error', 'warn'] },
  );
  await app.init();
  process.send?.({ ready: true });
}

export interface WorkerProcess {
  child: ChildProcess;
  /** What the process wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** SIGKILL, then resolves once the process is gone. */
  kill(): Promise<void>;
}

/**
 * Starts the worker process for the deployment of `t` (same database, Redis prefix and session
 * secret); `env` overrides (e.g. SMTP_URL). Resolves once its workers run.
 */
export async function startWorkerProcess(
  t: TestApp,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<WorkerProcess> {
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join('test', 'support', 'worker-process.ts')],
    {
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
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
