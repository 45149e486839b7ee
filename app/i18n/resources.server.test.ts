import { describe, expect, it } from "vitest";
import { getFixedT } from "./i18next.server";
import { serverResources } from "./resources.server";
import { pageTitle } from "./title";

describe("translations with the city", () => {
  it("fill the site name and the contact line from the city configuration (the demo city by default)", async () => {
    const ja = await getFixedT("ja");
    expect(pageTitle(ja, "オンラインでできる手続き")).toBe("オンラインでできる手続き – まどぐち市 オンライン窓口");
    expect(ja("journey.receipt.contact")).toBe("まどぐち市役所 市民課（電話 0000-00-0000、平日 8時30分〜17時15分）");
    const en = await getFixedT("en");
    expect(en("site.name")).toBe("Madoguchi City Online Counter");
    expect(en("journey.receipt.contact")).toBe("Madoguchi City Hall, Citizens Division (phone 0000-00-0000, weekdays 8:30 to 17:15)");
  });

  it("are what the browser is served", () => {
    expect(serverResources().en!.common.city.siteName).toBe("Madoguchi City Online Counter");
    expect((serverResources().ja!.common.site as { name: string }).name).toBe("$t(city.siteName)");
  });
});
