// Whether a JQL's result can change without any issue in it changing. An incremental read learns what
// left a query from the issues updated since the last run; a query whose answer moves with the clock,
// the user, group or sprint membership, versions, links or another saved filter can lose or gain
// issues that were never updated, so it is read in full. Answered in words, for the job log.

/** Functions whose answer depends only on the issues themselves (or on configuration a full read a day catches). */
const STABLE_FUNCTIONS = new Set(['cascadeoption', 'standardissuetypes', 'subtaskissuetypes']);

/** Fields whose value changes without the issue's `updated` changing. */
const VOLATILE_FIELDS: Record<string, string> = {
  filter: 'it uses another saved filter, which can be edited',
  request: 'it uses another saved filter, which can be edited',
  savedfilter: 'it uses another saved filter, which can be edited',
  searchrequest: 'it uses another saved filter, which can be edited',
  watcher: 'watchers change without the issue being updated',
  watchers: 'watchers change without the issue being updated',
  voter: 'votes change without the issue being updated',
  votes: 'votes change without the issue being updated',
  lastviewed: 'views change without the issue being updated',
  'issue.property': 'issue properties change without the issue being updated',
};

/** Strips quoted text, so a word inside a summary search is not taken for a clause. */
function unquoted(jql: string): { code: string; literals: string[] } {
  let code = '';
  const literals: string[] = [];
  let quote: string | null = null;
  let literal = '';
  for (let i = 0; i < jql.length; i++) {
    const c = jql[i];
    if (quote !== null) {
      if (c === '\\') literal += jql[++i] ?? '';
      else if (c === quote) {
        quote = null;
        literals.push(literal);
        code += ' "" ';
      } else literal += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      literal = '';
    } else code += c;
  }
  return { code, literals };
}

// "-1d", "4w 2d", "+3h", "-30m": a period relative to now, as JQL writes it.
const RELATIVE_PERIOD = /^\s*[-+]?\d+\s*[wdhmy](\s*\d+\s*[wdhm])*\s*$/i;
const BARE_PERIOD = /(^|[\s(,=<>!])[-+]?\d+[wdhmy]\b/i;

/** Why `jql` must be read in full every time, or undefined when an issue's update tells every change. */
export function volatileJqlReason(jql: string): string | undefined {
  const { code, literals } = unquoted(jql);
  const fn = /([A-Za-z][A-Za-z0-9_]*)\s*\(/g;
  for (let m = fn.exec(code); m !== null; m = fn.exec(code)) {
    const name = m[1];
    if (/^(and|or|not|in|was|changed|by|during|on|before|after|from|to)$/i.test(name)) continue;
    if (!STABLE_FUNCTIONS.has(name.toLowerCase()))
      return `the query uses ${name}(), whose answer can change without any issue changing`;
  }
  if (BARE_PERIOD.test(code) || literals.some((l) => RELATIVE_PERIOD.test(l)))
    return 'the query uses a relative date, whose answer moves with the clock';
  const words = code.toLowerCase().match(/[a-z][a-z0-9_.]*/g) ?? [];
  for (const word of words) {
    const why = VOLATILE_FIELDS[word];
    if (why !== undefined) return `the query asks about ${word}: ${why}`;
  }
  return undefined;
}
