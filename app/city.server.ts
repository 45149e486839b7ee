import fs from "node:fs";
import path from "node:path";
import demoCity from "../db/demo-city.json";
import { citySchema, type City } from "./city";
import { getEnv } from "./env.server";

export class CityConfigError extends Error {}

/** Checks a city configuration; the message names each wrong field so an operator can fix the file at once. */
export function parseCity(value: unknown, source: string): City {
  const result = citySchema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new CityConfigError(`Invalid city configuration (${source}):\n${lines.join("\n")}`);
  }
  return result.data;
}

/** The city from a JSON file, or the fictional demo city when no file is named. */
export function loadCity(file: string | undefined): City {
  if (!file) return parseCity(demoCity, "the demo city, db/demo-city.json");
  const source = `CITY_CONFIG=${file}`;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(path.resolve(file), "utf8"));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON: ${error.message}` : (error as Error).message;
    throw new CityConfigError(`Invalid city configuration (${source}):\n  ${reason}`);
  }
  return parseCity(json, source);
}

let cached: City | undefined;
/** The configured city (CITY_CONFIG), read once. */
export function getCity(): City {
  cached ??= loadCity(getEnv().CITY_CONFIG);
  return cached;
}
