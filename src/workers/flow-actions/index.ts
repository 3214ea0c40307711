import type { ActionHandlers } from './action-handler';
import { answer } from './answer';
import { connect } from './connect';
import { digitsReceive } from './digits-receive';
import { digitsSend } from './digits-send';
import { hangup } from './hangup';
import { play } from './play';
import { recordingStart, recordingStop } from './recording';
import { sleep } from './sleep';
import { talk } from './talk';

/**
 * The flow actions carried out on a call, by type (docs/architecture.md: adding an action). The
 * type makes a missing entry a compile error; goto, branch and variable_set are the engine's.
 */
export const ACTION_HANDLERS: ActionHandlers = {
  answer,
  talk,
  play,
  hangup,
  sleep,
  digits_receive: digitsReceive,
  digits_send: digitsSend,
  connect,
  recording_start: recordingStart,
  recording_stop: recordingStop,
};
