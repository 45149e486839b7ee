import { useLoaderData } from "@remix-run/react";

export const loader = () => ({ greeting: "こんにちは", at: new Date().toISOString() });

export default function Index() {
  const { greeting, at } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{greeting}</h1>
      <p>{at}</p>
    </main>
  );
}
