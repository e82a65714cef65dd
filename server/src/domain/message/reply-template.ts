import { REPLY_TEMPLATE_VARIABLES, type ReplyTemplateVariable } from '../../../../contracts/enums.ts';
import { findUnknownVariables } from '../case/render-template.ts';

// The list is shared with the console (contracts/enums.ts): formOfAddress is "ông/bà Nguyễn Văn A", or "ông/bà"
// when the name is unknown; procedureDocuments lists the procedure's documents one per line; staffName signs.
export { REPLY_TEMPLATE_VARIABLES, type ReplyTemplateVariable };

/** Values from the case; null or absent when the case does not have it (no deadline, no procedure …). */
export type ReplyTemplateValues = Partial<Record<ReplyTemplateVariable, string | null>>;

/** Variables a template uses that do not exist (`{trackingcode}`, `{foo}`), each once, in order of appearance. */
export function findUnknownReplyVariables(body: string): string[] {
  return [...new Set(findUnknownVariables(body, REPLY_TEMPLATE_VARIABLES))];
}

/**
 * Fills a reply template from the case. A variable without a value becomes the clear placeholder `missing(name)`
 * gives (e.g. "[chưa có hạn xử lý]") and is listed in `missing`, so the officer sees what to complete before
 * sending; an unknown variable (refused when saving) is left as written. Never throws.
 */
export function renderReplyTemplate(body: string, values: ReplyTemplateValues, missing: (name: ReplyTemplateVariable) => string): { text: string; missing: ReplyTemplateVariable[] } {
  const absent = new Set<ReplyTemplateVariable>();
  const text = body.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    if (!isReplyVariable(name)) return whole;
    const value = values[name];
    if (value !== null && value !== undefined && value.trim() !== '') return value;
    absent.add(name);
    return missing(name);
  });
  return { text, missing: REPLY_TEMPLATE_VARIABLES.filter((v) => absent.has(v)) };
}

function isReplyVariable(name: string): name is ReplyTemplateVariable {
  return (REPLY_TEMPLATE_VARIABLES as readonly string[]).includes(name);
}
