import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation, focus goes where a full page load would leave a screen-reader user: the error
 * summary when there is one, the question named in the URL's #fragment (変更 links), or else the start of main.
 */
export function useFocusOnNavigation() {
  const location = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const summary = document.querySelector<HTMLElement>(".error-summary");
    const anchored = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const anchoredInput = anchored?.matches("input, select, textarea") ? anchored : anchored?.querySelector<HTMLElement>("input, select, textarea");
    const target = summary ?? anchoredInput ?? document.getElementById("main");
    target?.focus();
  }, [location.key, location.hash]);
}
