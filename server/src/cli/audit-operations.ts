import { z } from 'zod';
import type { CommandContext } from '../commands/context.ts';
import { verifyAuditChain } from '../commands/verify-audit-chain.ts';

/** Audit operations run against the product database (in the CLI process or through the server's socket). */
export const AUDIT_OPERATIONS = {
  'audit.verify': {
    args: z.object({}),
    // The first line starts with "ok" or "broken" (the CLI's exit code follows it).
    run: async (ctx: CommandContext) => {
      const r = await verifyAuditChain(ctx);
      if (!r.firstBreak) return [`ok: ${r.checked} audit rows, chain intact (last seq ${r.lastSeq})`];
      return [`broken: first broken link at seq ${r.firstBreak.seq} (${r.firstBreak.reason}); ${r.checked} rows before it verified (up to seq ${r.lastSeq})`];
    },
  },
} as const;
