import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation, focus goes where a full page load would leave a screen-reader user: the error
 * summary when there is one, the question named in the URL's #fragment (変更 links) or the row it names, or else the
 * start of main.
 */
export function useFocusOnNavigation() {
  const location = useLocation();
  const previous = useRef<string | null>(null);
  const page = location.pathname + location.search;
  useEffect(() => {
    const samePage = previous.current === page;
    const first = previous.current === null;
    previous.current = page;
    // A #fragment followed on the same page (an error summary link) already put focus where it belongs.
    if (first || (samePage && location.hash)) return;
    const summary = document.querySelector<HTMLElement>(".error-summary");
    const anchored = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    // A row of a list (a person just saved, the list after a removal) takes focus itself, as it does without JavaScript.
    const anchoredInput = anchored?.matches("input, select, textarea, [data-focus-self]")
      ? anchored
      : anchored?.querySelector<HTMLElement>("input, select, textarea");
    const target = summary ?? anchoredInput ?? document.getElementById("main");
    target?.focus();
  }, [location.key, location.hash, page]);
}

/**
 * Marks which navigation the page shows now, an error page's too (the root Layout calls it). React Router renders a
 * navigation in a transition, after its own state is already idle on the new address: the e2e suite waits for this
 * mark before it reads the page.
 */
export function useShownNavigationMark() {
  const { key } = useLocation();
  useEffect(() => {
    document.documentElement.dataset.shownNavigation = key;
  }, [key]);
}
