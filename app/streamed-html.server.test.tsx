import { PassThrough, Readable, type Transform } from "node:stream";
import { buffer } from "node:stream/consumers";
import { Suspense } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { repairStreamedHtml, withoutNul } from "./streamed-html.server";

// Many short texts of 3-byte characters (React encodes long ones apart): some straddle its 2,048-byte buffer.
const ITEMS = Array.from({ length: 120 }, (_, i) => `${i}番 住民票の写しの交付請求`);

/** Suspends (React 18 style: throws the promise) until the value has arrived. */
function Later({ slot }: { slot: { promise: Promise<void>; value?: string } }) {
  if (slot.value === undefined) throw slot.promise;
  return <p>{slot.value}</p>;
}

/** A document like ours: a shell, and a Suspense boundary that completes after the shell was sent. */
function render(through: Transform) {
  const slot: { promise: Promise<void>; value?: string } = { promise: Promise.resolve() };
  let arrive = () => {};
  slot.promise = new Promise<void>((resolve) => {
    arrive = () => {
      slot.value = "あとから届いた内容";
      resolve();
    };
  });
  const { pipe } = renderToPipeableStream(
    <html lang="ja">
      <head>
        <title>窓口</title>
      </head>
      <body>
        <ul>
          {ITEMS.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <Suspense fallback={null}>
          <Later slot={slot} />
        </Suspense>
      </body>
    </html>,
    {
      onShellReady() {
        pipe(through);
        // Only once the shell is out (a timer raced it on a busy machine and the content came inline).
        setTimeout(arrive, 5);
      },
    },
  );
  return buffer(through);
}

describe("repairStreamedHtml", () => {
  it("React 18.3 streams NUL bytes inside Japanese text and content after </html> (react#31134): the reason for the repair", async () => {
    const raw = await render(new PassThrough());
    expect(raw.indexOf(0)).not.toBe(-1);
    expect(raw.toString("utf8").indexOf("</html>")).toBeLessThan(raw.toString("utf8").indexOf("あとから届いた内容"));
  });

  it("sends the same document without a NUL byte, every character intact, ending with </body></html>", async () => {
    const raw = await render(new PassThrough());
    const repaired = await render(repairStreamedHtml());
    expect(repaired.indexOf(0)).toBe(-1);
    const html = repaired.toString("utf8");
    for (const item of ITEMS) expect(html).toContain(`<li>${item}</li>`);
    expect(html).not.toContain("\uFFFD");
    expect(html.endsWith("</body></html>")).toBe(true);
    expect(html.indexOf("</body>")).toBe(html.length - "</body></html>".length);
    expect(html).toContain("あとから届いた内容");
    // Nothing else changed: the same bytes, with the padding gone and the end moved.
    const expected = withoutNul(raw).toString("utf8").replace("</body></html>", "") + "</body></html>";
    expect(html).toBe(expected);
  });

  it("finds </body></html> when a chunk boundary cuts it, and passes a document without one through unchanged", async () => {
    const split = await buffer(
      Readable.from([Buffer.from("<p>a</p></bo"), Buffer.from("dy></ht"), Buffer.from("ml><script>late()</script>")]).pipe(repairStreamedHtml()),
    );
    expect(split.toString()).toBe("<p>a</p><script>late()</script></body></html>");
    const fragment = await buffer(Readable.from([Buffer.from("<p>まど</b"), Buffer.from("ody>")]).pipe(repairStreamedHtml()));
    expect(fragment.toString()).toBe("<p>まど</body>");
  });

  it("drops every 0x00 byte and leaves other bytes alone", () => {
    const bytes = Buffer.from("交付請\0\0求", "utf8");
    expect(withoutNul(bytes).toString("utf8")).toBe("交付請求");
    const clean = Buffer.from("窓口");
    expect(withoutNul(clean)).toBe(clean);
  });
});
