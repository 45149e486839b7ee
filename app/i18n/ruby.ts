/**
 * ふりがな for やさしい日本語. A translation writes a reading as {漢字|かんじ}; such a text becomes a RubyText: to
 * everything that reads it as a string (attributes, <option>, <title>, JSON, PDF, e-mail) it is the plain text 漢字,
 * and rendered as a React child it is 漢字 with its reading in <ruby> (with <rp> parentheses for browsers without
 * ruby). So every t() call in a component gets furigana where furigana can be shown, and no component has to know.
 *
 * A RubyText must not leave the render: Remix's single fetch streams loader and action data with turbo-stream, which
 * sends a String object as a plain object (React then cannot render it). So loaders and actions translate with the
 * plain post-processor (readings removed), and the render with the ruby one (i18next.server.ts, entry.client.tsx).
 */
import type { PostProcessorModule } from "i18next";
import { createElement, type ReactNode } from "react";

const MARKED = /\{([^{}|]+)\|([^{}|]+)\}/;
const MARKED_ALL = new RegExp(MARKED.source, "g");

/** The text without its readings: {漢字|かんじ}を → 漢字を. */
export const plainOf = (marked: string) => marked.replace(MARKED_ALL, "$1");

/** The text with readings in parentheses, for plain-text channels where ruby cannot be shown: 漢字（かんじ）を. */
export const withReadingsOf = (marked: string) => marked.replace(MARKED_ALL, "$1（$2）");

/** The text as React nodes: plain runs and <ruby> elements. */
export function rubyNodes(marked: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let at = 0;
  for (const m of marked.matchAll(MARKED_ALL)) {
    if (m.index > at) nodes.push(marked.slice(at, m.index));
    nodes.push(createElement("ruby", { key: m.index }, m[1], createElement("rp", null, "("), createElement("rt", null, m[2]), createElement("rp", null, ")")));
    at = m.index + m[0].length;
  }
  if (at < marked.length) nodes.push(marked.slice(at));
  return nodes;
}

/** A string whose value is the plain text, and which React renders (as an iterable child) with its readings. */
export class RubyText extends String {
  readonly marked: string;
  constructor(marked: string) {
    super(plainOf(marked));
    this.marked = marked;
  }
  // React iterates an iterable child: these nodes are what it renders. (Typed as String's iterator for the class's sake.)
  override [Symbol.iterator](): ReturnType<string[typeof Symbol.iterator]> {
    return rubyNodes(this.marked)[Symbol.iterator]() as unknown as ReturnType<string[typeof Symbol.iterator]>;
  }
}

/** The text as a RubyText when it has readings, else unchanged; typed as the string it behaves as. */
export function withRuby(text: string): string {
  return MARKED.test(text) ? (new RubyText(text) as unknown as string) : text;
}

/** i18next's hook for the render: every translation passes through withRuby. */
export const rubyPostProcessor: PostProcessorModule = {
  type: "postProcessor",
  name: "ruby",
  process: (value: string) => withRuby(value),
};

/** i18next's hook for loaders and actions: the plain text, a primitive string that survives any serialisation. */
export const plainRubyPostProcessor: PostProcessorModule = {
  type: "postProcessor",
  name: "plainRuby",
  process: (value: string) => plainOf(value),
};

/** Options for t() that keep the readings written {漢字|かんじ}: for data the page renders withRuby itself. */
export const keepReadings = { postProcess: [] as string[] };
