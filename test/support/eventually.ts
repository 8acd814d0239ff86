/**
 * Polls `check` until it returns something truthy and returns that (the condition, never a fixed
 * sleep, ends the wait); throws after `timeoutMs`, naming `what` was awaited.
 */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 5000,
  what = 'the condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
