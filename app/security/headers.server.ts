import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";

type NonceResponse = ServerResponse & { locals: { cspNonce: string } };

/**
 * Security headers. The CSP allows scripts only from our origin or carrying the per-request nonce, and no
 * framing at all (clickjacking on a page that submits applications would be serious).
 */
export function securityHeaders({ production }: { production: boolean }) {
  return helmet({
    contentSecurityPolicy: {
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
}
