import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";

type NonceResponse = ServerResponse & { locals: { cspNonce: string } };

/**
 * Security headers. The CSP allows scripts only from our origin or carrying the per-request nonce, and no
 * framing at all (clickjacking on a page that submits applications would be serious).
 */
export function securityHeaders({ production }: { production: boolean }) {
  const options = (pages: boolean, framedBy: "none" | "self" = "none"): Parameters<typeof helmet>[0] => ({
    contentSecurityPolicy: pages && {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as NonceResponse).locals.cspNonce}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [`'${framedBy}'`],
        // Not set: it would break the demo served over http://localhost. TLS is the reverse proxy's job.
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
    // Set below, and only on a response that came over HTTPS: over HTTP a browser ignores it and it promises nothing.
    strictTransportSecurity: false,
    xFrameOptions: { action: framedBy === "self" ? "sameorigin" : "deny" },
  });
  const forPages = helmet(options(true));
  const forFiles = helmet(options(false));
  // An administrator's preview shows the resident pages in a frame of its own overview page: same origin only.
  const forPreview = helmet(options(true, "self"));
  return (req: IncomingMessage & { path: string; secure?: boolean }, res: ServerResponse, next: (err?: unknown) => void) => {
    // No page of a city's portal needs the camera, the microphone, the position or payment APIs (the signature pad
    // draws with pointer events only).
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    if (production && req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    (FILE_ROUTES.test(req.path) ? forFiles : PREVIEW_PAGES.test(req.path) ? forPreview : forPages)(req, res, next);
  };
}

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()";

/**
 * Staff areas take no request another site started: a cross-site GET (Sec-Fetch-Site: cross-site, sent by every
 * current browser) would otherwise write an audit entry (a case viewed) or start a download (an export) in the name of
 * a signed-in clerk. It gets a page with a link to the same address, which the clerk follows from our own page.
 */
export const STAFF_AREAS = /^\/(staff|admin|counter)(\/|$)/;
export function crossSiteStaffGet(req: { method: string; path: string; originalUrl?: string; get(name: string): string | undefined }): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (!STAFF_AREAS.test(req.path) || req.get("sec-fetch-site") !== "cross-site") return null;
  return req.originalUrl ?? req.path;
}

/** An administrator's preview: its overview frames the resident pages, and the builder frames the preview. */
export const PREVIEW_PAGES = /^\/admin\/forms\/[^/]+\/preview(\/|$)/;

/**
 * Files handed out as themselves (a submission's PDF, an uploaded file) set their own CSP (`fileSecurityPolicy`):
 * the pages' `object-src 'none'` would stop the browser's PDF viewer, and a second header could only add limits.
 */
export const FILE_ROUTES = /^\/staff\/submissions\/[^/]+\/(pdf|attachments\/[^/]+)$|^\/admin\/forms\/[^/]+\/preview\/[^/]+\/pdf$/;

/** Nothing runs: a PDF may only be shown by the browser's viewer, an image only as an image, in a sandbox. */
export function fileSecurityPolicy(contentType: string): string {
  return contentType === "application/pdf"
    ? "default-src 'none'; object-src 'self'; frame-ancestors 'none'"
    : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
}
