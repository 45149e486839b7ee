import { describe, expect, it } from "vitest";
import { loader } from "./routes/readyz";
import { markShuttingDown, markStarted } from "./readiness.server";
import { useTestDatabase } from "./test/db";

describe("readiness", () => {
  it("is 503 while starting, 200 once started, 503 from the first SIGTERM on", async () => {
    useTestDatabase();
    expect(loader().status).toBe(503);
    expect(await loader().text()).toBe("starting");
    markStarted();
    expect(loader().status).toBe(200);
    expect(markShuttingDown()).toBe(true);
    expect(markShuttingDown()).toBe(false);
    expect(loader().status).toBe(503);
    expect(await loader().text()).toBe("shutting down");
  });
});
