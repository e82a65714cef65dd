/** Response and request types for the web apps, inferred from the shared contracts (type-only: no zod in bundles). */
import type { z } from 'zod';
import type {
  CaseDetailSchema,
  CaseListSchema,
  CaseSummarySchema,
  OutboxItemSchema,
  PublicCaseCreate,
  PublicCaseView,
  PublicReplySchema,
  SessionSchema,
  StaffCaseCreate,
  StaffListSchema,
  TemplateSchema,
  TemplateUpdateSchema,
  TimelineEntry,
  Unit,
  UploadCreatedSchema,
  CaseListQuery,
  StaffCaseCreateSchema,
} from '../../contracts/api.ts';

export type { PublicCaseCreate, PublicCaseView, StaffCaseCreate, TimelineEntry, Unit, CaseListQuery };
export type UploadCreated = z.infer<typeof UploadCreatedSchema>;
export type PublicReply = z.infer<typeof PublicReplySchema>;
export type Session = z.infer<typeof SessionSchema>;
export type CaseList = z.infer<typeof CaseListSchema>;
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
export type StaffList = z.infer<typeof StaffListSchema>;
export type Template = z.infer<typeof TemplateSchema>;
export type TemplateUpdate = z.infer<typeof TemplateUpdateSchema>;
export type OutboxItem = z.infer<typeof OutboxItemSchema>;
/** Request body as the client sends it (defaults applied by the server). */
export type StaffCaseCreateInput = z.input<typeof StaffCaseCreateSchema>;

// Channel administration (console "Kênh kết nối").
import type {
  ChannelAccountCreatedSchema,
  ChannelAccountCreateSchema,
  ChannelAccountViewSchema,
  ChannelFieldErrorSchema,
  ChannelFormFieldSchema,
  ChannelFormSchema,
} from '../../contracts/api.ts';
export type ChannelAccountView = z.infer<typeof ChannelAccountViewSchema>;
export type ChannelForm = z.infer<typeof ChannelFormSchema>;
export type ChannelFormField = z.infer<typeof ChannelFormFieldSchema>;
export type ChannelAccountCreate = z.input<typeof ChannelAccountCreateSchema>;
export type ChannelAccountCreated = z.infer<typeof ChannelAccountCreatedSchema>;
export type ChannelFieldError = z.infer<typeof ChannelFieldErrorSchema>;
