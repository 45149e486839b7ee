/** Staff accounts as the administrator's page lists them. */
import { asc } from "drizzle-orm";
import { staffUsers } from "../../db/schema";
import { getDb } from "../db.server";

export const listStaffAccounts = () =>
  getDb()
    .select({
      username: staffUsers.username,
      displayName: staffUsers.displayName,
      role: staffUsers.role,
      duty: staffUsers.duty,
      disabled: staffUsers.disabled,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.username))
    .all();
