/** What the demo seed (`npm run seed`, `npm start`) reads from the environment. */
export function seedEnv(env: Record<string, string | undefined> = process.env): {
  databaseUrl: string | undefined;
  nodeEnv: string | undefined;
} {
  return { databaseUrl: env.DATABASE_URL, nodeEnv: env.NODE_ENV };
}
