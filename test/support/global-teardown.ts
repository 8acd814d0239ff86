export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __services?: { stop: () => unknown }[] }).__services ?? [];
  for (const service of started.reverse()) await service.stop();
}
