import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import i18nServer, { renderer } from "./i18n/i18next.server";
import { isFault, log } from "./log.server";
import { repairStreamedHtml } from "./streamed-html.server";
import { NonceProvider } from "./ui/nonce";

export const streamTimeout = 5_000;

/**
 * Pages and loader data carry personal data (a name in the header, answers, cases): no browser or proxy may keep them
 * unless a route says otherwise (the translations and postal codes do).
 */
function noStoreUnlessSet(headers: Headers) {
  if (headers.has("Cache-Control")) return;
  try {
    headers.set("Cache-Control", "no-store");
  } catch {
    // An immutable Response (Response.redirect) carries no page.
  }
}

export function handleDataRequest(response: Response) {
  noStoreUnlessSet(response.headers);
  return response;
}

/** Errors of loaders, actions and the render, logged as JSON; a page not found without a stack (it is no fault). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  const path = new URL(request.url).pathname;
  if (isFault(error)) log.error({ err: error, path }, "request failed");
  else log.info({ path }, "not found");
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = renderer(await i18nServer.getLocale(request));

  const nonce = loadContext.cspNonce;
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} abortDelay={streamTimeout} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          // React 18 pads with NUL bytes and ends the document too early; this repairs both (ADR 0011).
          const body = repairStreamedHtml();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          noStoreUnlessSet(responseHeaders);
          // The timer would hold the render (its data, its page) until it fires, long after the page has gone out.
          body.on("close", () => clearTimeout(timeout));
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell was sent are logged here; earlier ones go to the error boundary.
          if (shellRendered) log.error({ err: error }, "render failed");
        },
      },
    );
    const timeout = setTimeout(abort, streamTimeout + 1000);
  });
}
