/// <reference types="@remix-run/dev" />
import "@remix-run/node";

// Single Fetch is on (remix.config.js); this makes loader/action types follow it.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
