/** Variables an acknowledgement template may use, written `{name}` in the template. */
export const ACK_TEMPLATE_VARIABLES = ['unitName', 'trackingCode', 'receivedAt', 'trackUrl'] as const;
export type AckTemplateVariable = (typeof ACK_TEMPLATE_VARIABLES)[number];

/**
 * Fills `{variable}` placeholders. Unknown placeholders are left as written so a typo is visible rather than
 * silently dropped; the template editor refuses them before saving (`findUnknownVariables`).
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Placeholders in a template that are not among `allowed`. */
export function findUnknownVariables(template: string, allowed: readonly string[]): string[] {
  return [...template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1] as string).filter((n) => !allowed.includes(n));
}
