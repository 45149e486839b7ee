import { createContext, useContext } from "react";

/** The per-request CSP nonce: inline scripts Remix renders carry it, nothing else may run inline. */
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
