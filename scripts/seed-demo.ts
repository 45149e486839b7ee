/**
 * Seeds the fictional demo city into an empty database when DEMO is on: staff accounts, the resident registry and
 * the pending move-in (db/seed.ts), then, once the procedures are published, a few submissions for the staff queue
 * (db/demo-submissions.ts). `npm start`, `npm run serve` and `npm run dev` run it before the server, which itself
 * never seeds: demo data is not part of the production code. Does nothing with DEMO=off or data already there.
 */
import { seedDemoSubmissions } from "../db/demo-submissions";
import { seedDemoData } from "../db/seed";
import { getCity } from "../app/city.server";
import { initDatabase } from "../app/db.server";
import { getEnv } from "../app/env.server";
import { syncFormDefinitions } from "../app/procedures/store.server";

async function main() {
  const env = getEnv();
  if (!env.DEMO) return;
  // The households are in the configured city: a wrong CITY_CONFIG stops here with its message.
  getCity();
  const db = initDatabase(env.DATABASE_PATH);
  try {
    const seeded = await seedDemoData(db);
    syncFormDefinitions();
    const queued = seedDemoSubmissions();
    if (seeded || queued) console.log(`Demo data seeded into ${env.DATABASE_PATH}`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
