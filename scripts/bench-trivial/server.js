// Serves the trivial page's build as madoguchi serves its own: Express, compression, the Remix request handler.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const build = await import("./build/index.js");
const app = express();
app.use(compression());
app.use("/build", express.static(new URL("./public/build", import.meta.url).pathname, { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT), "127.0.0.1");
