import { createContext, useContext } from "react";

// The CSP nonce is made per request on the server; React needs it for the
// inline scripts Remix writes. In the browser it is not needed after hydration.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
