'use strict';
// Child process of services.migrate(): runs the pending migrations as the owner role
// (DATABASE_OWNER_URL) and prints the names of those it ran as JSON on its last line.
// Started with ts-node (transpile only), as the migrations and entities are TypeScript.
const { DataSource } = require('typeorm');
const { dataSourceOptions } = require('../../src/database/data-source-options');

async function main() {
  const dataSource = new DataSource(
    dataSourceOptions(process.env.DATABASE_OWNER_URL, { logging: false }),
  );
  await dataSource.initialize();
  try {
    const done = await dataSource.runMigrations({ transaction: 'all' });
    process.stdout.write(`${JSON.stringify(done.map((m) => m.name))}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
