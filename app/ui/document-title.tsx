import { useContext } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";

const titleOf = (data: unknown) => (data && typeof data === "object" && "title" in data && typeof data.title === "string" ? data.title : undefined);

/**
 * The page title, taken from the deepest route that returned a `title` from its action or loader.
 *
 * Titles are not set with `meta`: Remix does not give `meta` the action's data, and a failed step must say
 * "エラー：" in its title whether or not JavaScript runs. Remix's own <Meta> reads this same router state.
 */
export function useDocumentTitle(): string | undefined {
  const state = useContext(UNSAFE_DataRouterStateContext);
  if (!state) return undefined;
  for (const match of [...state.matches].reverse()) {
    const id = match.route.id;
    const title = titleOf(state.actionData?.[id]) ?? titleOf(state.loaderData[id]);
    if (title) return title;
  }
  return undefined;
}
