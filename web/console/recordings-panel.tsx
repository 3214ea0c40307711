import { lower } from './status-badge';
import type { Recording } from './types';

/** The call's recordings, each playable here once its file is stored. */
export function RecordingsPanel({ recordings }: { recordings: Recording[] }) {
  return (
    <section className="recordings" aria-label="Recordings">
      <h2>Recordings</h2>
      {recordings.length === 0 && <p className="empty">No recordings.</p>}
      <ul>
        {recordings.map((recording) => (
          <li key={recording.id} data-recording-id={recording.id}>
            <code>{recording.id}</code> {lower(recording.format)} · {lower(recording.status)}
            {recording.duration > 0 && ` · ${recording.duration} s`}
            {recording.downloadUrl ? <audio controls preload="metadata" src={recording.downloadUrl} /> : <span className="hint"> (file not stored yet)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
