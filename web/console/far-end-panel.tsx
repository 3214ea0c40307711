import { useEffect, useState } from 'react';
import type { Api } from './api';

interface FarEnd {
  present: boolean;
  channel: { state?: string; dtmf_sent?: string[]; dtmf_received?: string[] } | null;
}

/** Sandbox only: play the far end of this call (answer, press keys, hang up) through /sandbox. */
export function FarEndPanel({ api, callId, version, live }: { api: Api; callId: string; version: number; live: boolean }) {
  const [farEnd, setFarEnd] = useState<FarEnd | null>(null);
  const [digits, setDigits] = useState('');
  const [error, setError] = useState('');
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    api
      .sandbox('GET', `/calls/${callId}`)
      .then((answer) => setFarEnd(answer as FarEnd))
      .catch(() => setFarEnd(null));
  }, [api, callId, version, refresh]);
  useEffect(() => {
    // Keys and answers of the far end raise no event of the call: read its channel while it lives.
    if (!live) return;
    const timer = window.setInterval(() => setRefresh((count) => count + 1), 1000);
    return () => window.clearInterval(timer);
  }, [live]);
  const act = (path: string, body?: unknown) => async () => {
    setError('');
    try {
      await api.sandbox('POST', `/calls/${callId}/${path}`, body ?? {});
    } catch (failure) {
      setError((failure as Error).message);
    }
    setRefresh((count) => count + 1);
  };
  return (
    <section className="far-end" aria-label="Far end">
      <h2>Far end (sandbox)</h2>
      <p>
        Channel: <strong>{farEnd?.present ? (farEnd.channel?.state ?? 'present') : 'gone'}</strong>
        {farEnd?.channel?.dtmf_sent?.length ? ` · keys pressed: ${farEnd.channel.dtmf_sent.join('')}` : ''}
      </p>
      <div className="buttons">
        <button type="button" onClick={act('answer')} disabled={!live}>
          Answer
        </button>
        <input aria-label="Keys" value={digits} onChange={(event) => setDigits(event.target.value)} placeholder="12#" size={8} />
        <button type="button" onClick={act('dtmf', { digits })} disabled={!live || !digits}>
          Press keys
        </button>
        <button type="button" onClick={act('hangup')} disabled={!live}>
          Hang up
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
