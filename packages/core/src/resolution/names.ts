/**
 * Names as entity resolution compares them. One person's name arrives as 王建国, as 王建國 (traditional characters,
 * a Hong Kong or Taiwan system), as "WANG JIANGUO" or "Jianguo Wang" (typed in pinyin, either order), with a stray
 * space or a middle dot. Each is folded to one form of its kind: hanzi in simplified characters (opencc-js), and the
 * name's pinyin without tones (pinyin-pro, surnames read as surnames: 单 shàn, 曾 zēng) — so a name in hanzi and one
 * typed in pinyin still meet.
 */
import * as OpenCC from "opencc-js/t2cn";
import { pinyin } from "pinyin-pro";

// Built on first use (their dictionaries' tries cost a few milliseconds): importing names costs nothing.
let converters: ((text: string) => string)[] | undefined;
const simplified = (text: string) =>
  (converters ??= [OpenCC.Converter({ from: "tw", to: "cn" }), OpenCC.Converter({ from: "hk", to: "cn" })]).reduce(
    (t, convert) => convert(t),
    text,
  );

/** Two-character surnames (复姓): the surname is the name's first two characters when they are one of these. */
const COMPOUND_SURNAMES = new Set(
  (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 令狐 轩辕 钟离 端木 南宫 西门 " +
    "独孤 呼延 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 闻人 赫连 万俟 百里 东郭 拓跋"
  ).split(" "),
);

const HAN = /\p{Script=Han}/u;

/** Full-width letters and digits as ASCII, and every kind of space or name dot (· • ・ ‧ .) gone. */
function plain(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s·•・‧.．\-_]/g, "")
    .trim();
}

/** A name in hanzi, folded: no spaces or dots, traditional characters as simplified. Latin stays as it is. */
export function foldHan(name: string): string {
  const text = plain(name);
  return HAN.test(text) ? simplified(text) : text;
}

/** Whether a name is written in hanzi (not typed in pinyin or another Latin form). */
export const isHan = (name: string) => HAN.test(name);

/** A folded hanzi name's surname and given name (a compound surname's two characters together). */
export function splitName(folded: string): { surname: string; given: string } {
  if (!isHan(folded) || folded.length < 2) return { surname: folded, given: "" };
  const two = folded.slice(0, 2);
  const cut = COMPOUND_SURNAMES.has(two) && folded.length > 2 ? 2 : 1;
  return { surname: folded.slice(0, cut), given: folded.slice(cut) };
}

/** A hanzi name's syllables in pinyin without tones, its surname read as a surname. */
export function pinyinOf(folded: string): string[] {
  return pinyin(folded, { toneType: "none", type: "array", surname: "head", v: true }).map((s) => s.toLowerCase());
}

/**
 * A name's pinyin as letters only, in surname-first order: a hanzi name's pinyin, or a name typed in pinyin with its
 * words in either order ("Jianguo Wang" and "WANG Jian-guo" both give "wangjianguo" when the surname is known).
 */
export function pinyinKey(name: string, surnameHint?: string): string {
  const folded = foldHan(name);
  if (isHan(folded)) return pinyinOf(folded).join("");
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ü/g, "v")
    .split(/[^a-z]+/)
    .filter(Boolean);
  // Given-name-first (the English order): the surname, when it is known, goes first.
  if (surnameHint && words.length > 1 && words.at(-1) === surnameHint && words[0] !== surnameHint)
    words.unshift(words.pop()!);
  return words.join("");
}

/** The Levenshtein distance between two short strings (names, mobiles), stopping once it passes `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/** Legal-form words a company's name carries or leaves out from one system to another. */
const LEGAL_FORMS = [
  "股份有限公司",
  "有限责任公司",
  "有限公司",
  "集团公司",
  "股份公司",
  "分公司",
  "公司",
  "集团",
  "股份",
  "有限",
];

const shortened = new WeakMap<readonly string[], readonly (readonly [string, string])[]>();
/** Each place with its short form (深圳市 → 深圳, 广西壮族自治区 → 广西), worked out once per list. */
function shortPlaces(places: readonly string[]) {
  let pairs = shortened.get(places);
  if (!pairs) {
    pairs = places.map((place) => [place, place.replace(/(省|市|自治区|特别行政区|维吾尔|壮族|回族)+$/u, "")] as const);
    shortened.set(places, pairs);
  }
  return pairs;
}

/**
 * A company's name as a key: folded, its legal form (有限公司, 有限责任公司, 股份…) and a leading province or city
 * (北京市, 上海, 深圳市…) taken off, brackets dropped — 深圳市腾达科技有限公司 and 腾达科技(深圳)有限责任公司 meet.
 */
export function companyKey(name: string, places: readonly string[] = []): string {
  let key = foldHan(name).replace(/[()（）[\]【】]/g, "");
  for (let again = true; again;) {
    again = false;
    for (const form of LEGAL_FORMS)
      if (key.endsWith(form) && key.length > form.length) {
        key = key.slice(0, -form.length);
        again = true;
      }
  }
  for (const [place, short] of shortPlaces(places)) {
    for (const prefix of [place, short])
      if (prefix && key.startsWith(prefix) && key.length > prefix.length + 1) {
        key = key.slice(prefix.length);
        break;
      }
    // A place in brackets in the middle (腾达科技(深圳)) was unbracketed above: drop it where it ends the key.
    if (short && key.endsWith(short) && key.length > short.length + 1) key = key.slice(0, -short.length);
  }
  return key;
}
