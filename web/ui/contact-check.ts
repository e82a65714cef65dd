/** Same rules as ContactSchema in contracts/api.ts, checked before sending so errors appear beside the field. */
export type ContactInput = { name: string; phone: string; email: string };
export type ContactErrors = { phone?: 'error.PHONE_INVALID'; email?: 'error.EMAIL_INVALID' };

const PHONE = /^\+?[0-9 .()-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkContact(contact: ContactInput): ContactErrors {
  const errors: ContactErrors = {};
  if (contact.phone.trim() && !PHONE.test(contact.phone.trim())) errors.phone = 'error.PHONE_INVALID';
  if (contact.email.trim() && !EMAIL.test(contact.email.trim())) errors.email = 'error.EMAIL_INVALID';
  return errors;
}

/** The contact object for the API: blank fields dropped, undefined when nothing was given. */
export function toContact(contact: ContactInput): { name?: string; phone?: string; email?: string } | undefined {
  const result: { name?: string; phone?: string; email?: string } = {};
  if (contact.name.trim()) result.name = contact.name.trim();
  if (contact.phone.trim()) result.phone = contact.phone.trim();
  if (contact.email.trim()) result.email = contact.email.trim();
  return Object.keys(result).length > 0 ? result : undefined;
}
