import { Router, type Request } from 'express';
import { causeOfHangupReason, NORMAL_CLEARING } from './causes';
import { channelJson } from './channel';
import { createOutgoing } from './channel-creation';
import { requestedFormats } from './formats';
import { integer, noContent, pathParam, text, variables } from './http-params';
import type { Sandbox } from './sandbox';
import { badRequest } from './sim-error';

/** The cause of DELETE /channels/{id}: reason_code, or a reason word, or normal clearing. */
function hangupCause(req: Request): number {
  const code = integer(req, 'reason_code');
  const reason = text(req, 'reason');
  if (code !== undefined && reason !== undefined) throw badRequest("The reason and reason_code can't both be specified");
  if (code !== undefined) return code;
  if (reason === undefined) return NORMAL_CLEARING;
  const cause = causeOfHangupReason(reason);
  if (cause === undefined) throw badRequest('Invalid reason for hangup provided');
  return cause;
}

/** `"Alice" <+1555…>` or `+1555…`: an originate callerId as name and number. */
function callerParty(callerId: string | undefined): { name: string; number: string } | undefined {
  if (!callerId) return undefined;
  const bracketed = /^\s*(?:"([^"]*)"|([^<]*?))\s*<([^>]*)>\s*$/.exec(callerId);
  if (!bracketed) return { name: '', number: callerId.trim() };
  return { name: (bracketed[1] ?? bracketed[2] ?? '').trim(), number: bracketed[3]!.trim() };
}

/** Channels: their life from creation (create + dial, or originate) to hangup. */
export function ariChannelRoutes({ channels, farEnd, media, stasisStarts }: Sandbox): Router {
  const router = Router();

  const outgoing = (req: Request, channelId: string | undefined) => {
    const endpoint = text(req, 'endpoint');
    const app = text(req, 'app');
    if (!endpoint) throw badRequest('Endpoint must be specified');
    if (!app) throw badRequest('Application must be specified');
    const formats = requestedFormats(text(req, 'formats'), text(req, 'originator'));
    return createOutgoing(channels, { endpoint, app, channelId, appArgs: text(req, 'appArgs'), callerId: callerParty(text(req, 'callerId')), variables: variables(req), formats });
  };

  /** Single-request originate: the channel enters Stasis when the far end answers (traces originate-local-*). */
  const originate = (req: Request, channelId: string | undefined) => {
    const timeout = integer(req, 'timeout') ?? 30;
    const channel = outgoing(req, channelId);
    const snapshot = channelJson(channel);
    farEnd.dial(channel, { timeoutMs: timeout > 0 ? timeout * 1000 : null, stasisOnAnswer: true });
    return snapshot;
  };

  router.get('/channels', (_req, res) => void res.json([...channels.live.values()].map(channelJson)));
  router.post('/channels', (req, res) => void res.json(originate(req, text(req, 'channelId'))));

  /** channels/create puts the channel into Stasis in state Down, mostly after its answer (trace stasis-start-before-dial). */
  router.post('/channels/create', (req, res) => {
    const channel = outgoing(req, text(req, 'channelId'));
    res.json(channelJson(channel));
    stasisStarts.afterCreate(channel);
  });

  router.get('/channels/:channelId', (req, res) => void res.json(channelJson(channels.get(pathParam(req, 'channelId')))));
  router.post('/channels/:channelId', (req, res) => void res.json(originate(req, pathParam(req, 'channelId'))));
  router.delete('/channels/:channelId', (req, res) => {
    const channel = channels.get(pathParam(req, 'channelId'));
    channels.hangup(channel, { cause: hangupCause(req), by: 'application', request: 'soft' });
    noContent(res);
  });

  router.post('/channels/:channelId/dial', (req, res) => {
    const channel = channels.controlled(pathParam(req, 'channelId'));
    const timeout = integer(req, 'timeout') ?? 0;
    farEnd.dial(channel, { timeoutMs: timeout > 0 ? timeout * 1000 : null, stasisOnAnswer: false });
    noContent(res);
  });

  router.post('/channels/:channelId/answer', (req, res) => {
    media.answer(channels.controlled(pathParam(req, 'channelId')));
    noContent(res);
  });

  router.get('/channels/:channelId/variable', (req, res) => {
    res.json(media.getVariable(channels.get(pathParam(req, 'channelId')), text(req, 'variable')));
  });
  router.post('/channels/:channelId/variable', (req, res) => {
    media.setVariable(channels.get(pathParam(req, 'channelId')), text(req, 'variable'), text(req, 'value') ?? '');
    noContent(res);
  });

  return router;
}
