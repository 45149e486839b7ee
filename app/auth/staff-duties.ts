/** What a staff member does at the city office. Shared by the server and the account pages' radios. */
export const DUTIES = ["counter", "reviewer", "admin"] as const;
export type Duty = (typeof DUTIES)[number];

/** The duty decides the role: 管理者 administers, 窓口 and 審査 work in the staff area. */
export const roleOfDuty = (duty: Duty): "staff" | "admin" => (duty === "admin" ? "admin" : "staff");
