/**
 * Text folded for matching words: lower case, accents stripped, spaces
 * collapsed (NBSP included). Labels and headers are matched this way
 * everywhere; most are plain ASCII, where Unicode normalisation (the costly
 * part, run on every cell of a sheet with no table) changes nothing.
 */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * `form` "NFKD" also folds compatibility forms ("º" → "o", "ﬁ" → "fi");
 * "NFD" only splits accents off their letters.
 */
export function foldText(text: string, form: "NFKD" | "NFD" = "NFKD"): string {
  const cache = form === "NFKD" ? recentNFKD : recentNFD;
  const kept = cache.get(text);
  if (kept !== undefined) return kept;
  const folded = PLAIN_ASCII.test(text)
    ? text.replace(/\s+/g, " ").trim().toLowerCase()
    : text
        .normalize(form)
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/\s+/g, " ")
        .trim()
        .toLowerCase();
  // The same cell text is folded by several parsers in a row (period, quarter, column words, label): keep the recent ones.
  if (cache.size >= RECENT) cache.clear();
  cache.set(text, folded);
  return folded;
}

const RECENT = 4096;
const recentNFKD = new Map<string, string>();
const recentNFD = new Map<string, string>();
