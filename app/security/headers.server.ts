import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";

type NonceResponse = ServerResponse & { locals: { cspNonce: string } };

/**
 * Security headers. The CSP allows scripts only from our origin or carrying the per-request nonce, and no
 * framing at all (clickjacking on a page that submits applications would be serious).
 */
export function securityHeaders({ production }: { production: boolean }) {
  const options = (pages: boolean): Parameters<typeof helmet>[0] => ({
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
        frameAncestors: ["'none'"],
        // Not set: it would break the demo served over http://localhost. TLS is the reverse proxy's job.
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: production ? { maxAge: 31536000 } : false,
    xFrameOptions: { action: "deny" },
  });
  const forPages = helmet(options(true));
  const forFiles = helmet(options(false));
  return (req: IncomingMessage & { path: string }, res: ServerResponse, next: (err?: unknown) => void) =>
    (FILE_ROUTES.test(req.path) ? forFiles : forPages)(req, res, next);
}

/**
 * Files handed out as themselves (a submission's PDF, an uploaded file) set their own CSP (`fileSecurityPolicy`):
 * the pages' `object-src 'none'` would stop the browser's PDF viewer, and a second header could only add limits.
 */
export const FILE_ROUTES = /^\/staff\/submissions\/[^/]+\/(pdf|attachments\/[^/]+)$/;

/** Nothing runs: a PDF may only be shown by the browser's viewer, an image only as an image, in a sandbox. */
export function fileSecurityPolicy(contentType: string): string {
  return contentType === "application/pdf"
    ? "default-src 'none'; object-src 'self'; frame-ancestors 'none'"
    : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
}
