// What the page tests expect of the engines. The cleaning and extraction
// stages are being rewritten; the page tests check the page (every target the
// analyzer returns is a row, the title shown is the title found), and measure
// the engines against the gold with these knobs. Raise them as the engines
// improve; environment variables override them for a one-off run.

/**
 * Engine: extract. Share of the gold targets of all seeds that the page's
 * table shows, matched as score.py (../shared/tools) matches them. The
 * extractor finds all 142; the issue asks for F1 ≥ 0.95.
 */
export const GOLD_RECALL_MIN = Number(process.env.MUBIAO_GOLD_RECALL_MIN ?? 0.95);

/**
 * Engine: clean. Whether the title on the page must equal the gold title (or
 * one of its title_alt) for every seed. The cleaner gets all five; set
 * MUBIAO_STRICT_TITLES=0 to report a mismatch instead of failing.
 */
export const TITLES_MUST_MATCH_GOLD = process.env.MUBIAO_STRICT_TITLES !== '0';
