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
  if (PLAIN_ASCII.test(text)) return text.replace(/\s+/g, " ").trim().toLowerCase();
  return text
    .normalize(form)
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
