import { findUnknownVariables } from '../case/render-template.ts';

/** Variables a reply template may use, written `{name}`; their values come from the case when the template is inserted. */
export const REPLY_TEMPLATE_VARIABLES = [
  /** The citizen's name as they gave it. */
  'citizenName',
  /** How to address the citizen: "ông/bà Nguyễn Văn A", or "ông/bà" when the name is unknown. */
  'formOfAddress',
  'trackingCode',
  /** The public tracking page of the case. */
  'trackUrl',
  /** The lead unit. */
  'unitName',
  /** The legal deadline, city time. */
  'dueDate',
  'procedureName',
  /** The documents the case's procedure asks for, one per line. */
  'procedureDocuments',
  /** The staff member inserting the template (to sign). */
  'staffName',
] as const;
export type ReplyTemplateVariable = (typeof REPLY_TEMPLATE_VARIABLES)[number];

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
