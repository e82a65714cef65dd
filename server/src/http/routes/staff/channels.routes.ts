import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChannelAccountCreatedSchema,
  ChannelAccountCreateSchema,
  ChannelAccountListSchema,
  ChannelFormListSchema,
  ErrorBodySchema,
} from '../../../../../contracts/api.ts';
import type { CommandContext } from '../../../commands/context.ts';
import type { ChannelAccountView } from '../../../commands/list-channel-accounts.ts';
import { channelForms, connectChannelForStaff, listChannelsForStaff } from '../../../commands/manage-channel-accounts.ts';
import type { SecretBox } from '../../../lib/secret-box.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 422: ErrorBodySchema };

export type ChannelRoutesOptions = {
  ctx: CommandContext;
  /** Seals credentials before they are stored. */
  box: SecretBox;
  /** Called after an account was connected, so this process's channel cache reloads at once. */
  onChannelsChanged?: () => void;
};

/** Channel accounts of the actor's unit subtree: health, settings forms, connect/reconnect. */
export const channelRoutes: FastifyPluginAsyncZod<ChannelRoutesOptions> = async (app, { ctx, box, onChannelsChanged }) => {
  app.addHook('preHandler', requireStaff(ctx));

  app.get(
    '/channels',
    {
      schema: {
        tags: ['staff'],
        summary: 'Connected channel accounts of my unit subtree, with their health',
        response: { 200: ChannelAccountListSchema, ...errors },
      },
    },
    async (request) => (await listChannelsForStaff(ctx, staffOf(request))).map(present),
  );

  app.get(
    '/channels/forms',
    {
      schema: {
        tags: ['staff'],
        summary: 'Settings form of each channel that connects accounts (from its config schema)',
        response: { 200: ChannelFormListSchema, ...errors },
      },
    },
    async (request) => channelForms(staffOf(request)),
  );

  app.post(
    '/channels',
    {
      schema: {
        tags: ['staff'],
        summary: 'Connect or reconnect a channel account (Page, OA) to a unit',
        body: ChannelAccountCreateSchema,
        response: { 200: ChannelAccountCreatedSchema, 201: ChannelAccountCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { channel, unitCode, name, config } = request.body;
      const result = await connectChannelForStaff({ ...ctx, box }, staffOf(request), { channel, unitCode, name, config });
      onChannelsChanged?.();
      request.log.info(
        { channel, accountId: result.accountId, unitCode, staffId: staffOf(request).id, created: result.created },
        'channel account connected',
      );
      return reply.status(result.created ? 201 : 200).send({ channel, ...result });
    },
  );
};

function present(v: ChannelAccountView) {
  return {
    channel: v.channel,
    accountId: v.accountId,
    name: v.name,
    unit: { code: v.unitCode, name: v.unitName },
    health: v.health,
    healthReason: v.healthReason,
    lastEventAt: v.lastEventAt?.toISOString() ?? null,
    accessTokenExpiresAt: v.accessTokenExpiresAt?.toISOString() ?? null,
    tokenExpiresSoon: v.tokenExpiresSoon,
    held: v.held,
    dead: v.dead,
    queued: v.queued,
    sent24h: v.sent24h,
    failed24h: v.failed24h,
    followers: v.followers,
  };
}
