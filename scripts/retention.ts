/**
 * `npm run retention`: one run of the retention job (app/retention.server.ts) on the configured database, for a city
 * that schedules it with cron rather than leaving it to the server. Prints what was removed; audited like the server's.
 */
import { initDatabase } from "../app/db.server";
import { getEnv } from "../app/env.server";
import { runRetention } from "../app/retention.server";

initDatabase(getEnv().DATABASE_PATH);
const report = runRetention();
console.log(
  `Retention: ${report.sessions} expired sessions, ${report.resumeLinks} resume links, ${report.drafts} open drafts, ` +
    `${report.files} files and ${report.submissions} submissions past their 保存年限 (anonymised).`,
);
