import { cmp } from './consent.js';
import { useConsent } from './use-consent.js';

/** A YouTube video that loads only once YouTube is granted: until then, a placeholder that asks. */
export function Video({ id, title }) {
  const granted = useConsent(cmp)?.trackers.youtube === true;
  if (!granted) {
    return (
      <div className="video-placeholder">
        <p>Cette vidéo est hébergée par YouTube, qui dépose des cookies.</p>
        <button type="button" onClick={() => cmp.update({ trackers: { youtube: true } })}>
          Autoriser YouTube et voir la vidéo
        </button>
      </div>
    );
  }
  return <iframe src={`https://www.youtube-nocookie.com/embed/${id}`} title={title} width="560" height="315" allowFullScreen />;
}
