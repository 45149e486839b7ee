/**
 * The demo staff accounts' password. It is printed in the README, so it is no secret: with DEMO off, a staff sign-in
 * with it is refused whatever account it opens (a database once seeded with the demo stays safe when DEMO is turned off).
 */
export const DEMO_PASSWORD = "madoguchi-demo";
