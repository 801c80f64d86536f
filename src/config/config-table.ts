import { DECLARED_VARIABLES, type EnvVar } from './env-var';

export const CONFIG_TABLE_BEGIN = '<!-- config-table:begin (generated from the declared variables by `npm run docs:config`; do not edit by hand) -->';
export const CONFIG_TABLE_END = '<!-- config-table:end -->';

type Declared = EnvVar<unknown> & { namespace: string };

/**
 * The README's configuration table, from every variable declared through `configNamespace`.
 * Only variables whose module was imported are known: callers import the app module first.
 * Rows are grouped by namespace (alphabetically), in declaration order within one.
 */
export function renderConfigTable(variables: Iterable<Declared> = DECLARED_VARIABLES.values()): string {
  const rows = [...variables]
    .map((variable, index) => ({ variable, index }))
    .sort((a, b) => a.variable.namespace.localeCompare(b.variable.namespace) || a.index - b.index)
    .map(({ variable }) => `| \`${variable.env}\` | ${formatDefault(variable)} | ${variable.namespace} | ${cell(variable.doc)} |`);
  return ['| Variable | Default | Scope | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the table markers replaced by `table`. */
export function replaceConfigTable(readme: string, table: string): string {
  const begin = readme.indexOf(CONFIG_TABLE_BEGIN);
  const end = readme.indexOf(CONFIG_TABLE_END);
  if (begin < 0 || end < begin) {
    throw new Error(`README has no configuration table markers; add the lines\n${CONFIG_TABLE_BEGIN}\n${CONFIG_TABLE_END}`);
  }
  return `${readme.slice(0, begin + CONFIG_TABLE_BEGIN.length)}\n${table}\n${readme.slice(end)}`;
}

/** The table currently between the markers (for the check that the README is up to date). */
export function extractConfigTable(readme: string): string | undefined {
  const begin = readme.indexOf(CONFIG_TABLE_BEGIN);
  const end = readme.indexOf(CONFIG_TABLE_END);
  return begin < 0 || end < begin ? undefined : readme.slice(begin + CONFIG_TABLE_BEGIN.length, end).trim();
}

function formatDefault(variable: Declared): string {
  if (variable.defaultText !== undefined) return `\`${variable.defaultText}\``;
  const value = variable.default;
  if (value === '' || (Array.isArray(value) && value.length === 0)) return '(empty)';
  if (Array.isArray(value)) return `\`${value.map(String).join(',')}\``;
  if (typeof value === 'object' && value !== null) return `\`${JSON.stringify(value)}\``;
  return `\`${String(value)}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
