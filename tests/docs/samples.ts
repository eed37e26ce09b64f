/** Extracts the code samples of the docs and the README, and turns each into something a test runs. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface Sample {
  file: string;
  line: number;
  lang: string;
  code: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "api" ? [] : markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

export function samplesOf(repo: string): Sample[] {
  const files = [
    join(repo, "README.md"),
    ...["core", "data", "elements"].map((p) => join(repo, "packages", p, "README.md")),
    ...markdownFiles(join(repo, "docs")),
  ];
  const out: Sample[] = [];
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    const re = /^```(\w+)[^\n]*\n([\s\S]*?)^```/gm;
    for (let m = re.exec(text); m; m = re.exec(text))
      out.push({
        file: relative(repo, path),
        line: text.slice(0, m.index).split("\n").length,
        lang: m[1]!,
        code: m[2]!,
      });
  }
  return out;
}

/** Samples that need a browser: HTML, and scripts that load the elements. */
export const isBrowserSample = (s: Sample) =>
  s.lang === "html" || (s.lang !== "sh" && /@bankcrm\/elements/.test(s.code));

interface Import {
  module: string;
  names: string[];
}

/** The named value imports of a sample (type-only ones dropped) and its body without them. */
export function splitImports(code: string): { imports: Import[]; body: string } {
  const imports: Import[] = [];
  const body = code.replace(
    /^import\s+(type\s+)?(?:\{([^}]*)\}\s+from\s+)?"([^"]+)";?\s*$/gm,
    (_, typeOnly, list, module) => {
      const names = typeOnly
        ? []
        : String(list ?? "")
            .split(",")
            .map((n) => n.trim())
            .filter((n) => n && !n.startsWith("type "))
            .map((n) => n.split(/\s+as\s+/)[0]!.trim());
      imports.push({ module: String(module), names });
      return "";
    },
  );
  return { imports, body };
}

/**
 * `expr; // "literal"` lines become assertions: a sample that says what a call
 * returns is checked to return it.
 */
export function withAssertions(body: string): string {
  return body.replace(
    /^(\s*)([^\n/]*?);\s*\/\/\s*("(?:[^"\\]|\\.)*"|-?\d[\d.]*|true|false)\s*(\([^\n]*\))?\s*$/gm,
    (_, indent: string, expr: string, literal: string) =>
      `${indent}__expect(${expr.trim()}, ${literal}, ${JSON.stringify(expr.trim())});`,
  );
}
