import { useEffect, useRef, useState } from 'preact/hooks';
import type { Words } from '../words';
import type { PreviewPayload } from './preview-frame';

/** The two widths shown at once (docs/contract.md §16), each with a cookie name of its own. */
export const PREVIEW_SIZES = [
  { width: 360, height: 640, cookieName: 'temoin-configure-preview-360' },
  { width: 1280, height: 800, cookieName: 'temoin-configure-preview-1280' },
] as const;

/** Waits this long after the last edit before reloading the previews. */
const SETTLE_MS = 400;

function Frame({ size, label, src, w }: { size: (typeof PREVIEW_SIZES)[number]; label: string; src: string; w: Words }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const instance = () => frame.current?.contentWindow?.Temoin?.get() ?? null;
  return (
    <figure class={`preview-frame w${size.width}`}>
      <figcaption>{label}</figcaption>
      <div class="frame-box" style={{ '--w': size.width, '--h': size.height }}>
        <iframe ref={frame} title={label} src={src} width={size.width} height={size.height} data-width={size.width} />
      </div>
      <div class="row">
        <button type="button" onClick={() => instance()?.reset()}>
          {w.showBanner}
        </button>
        <button type="button" onClick={() => instance()?.showPreferences()}>
          {w.openPreferences}
        </button>
      </div>
    </figure>
  );
}

/** The real widget at 360 and 1280 px, reloaded with each valid config. */
export function Preview({ config, theme, valid, w }: { config: Record<string, unknown>; theme: Record<string, string>; valid: boolean; w: Words }) {
  const [shown, setShown] = useState<{ config: Record<string, unknown>; theme: Record<string, string>; n: number } | null>(null);
  useEffect(() => {
    if (!valid) return;
    const timer = setTimeout(() => setShown((last) => ({ config, theme, n: (last?.n ?? 0) + 1 })), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [config, theme, valid]);
  const src = (ownName: string) => {
    // Never the site's consent cookie, whatever the config names.
    const cookieName = ownName === shown!.config.cookieName ? `${ownName}-2` : ownName;
    const payload: PreviewPayload = { config: shown!.config, theme: shown!.theme, cookieName };
    return `preview.html?n=${shown!.n}#${encodeURIComponent(JSON.stringify(payload))}`;
  };
  return (
    <div class="preview">
      <p class="muted">{w.previewNote}</p>
      {!valid ? <p class="notice" role="status">{w.previewInvalid}</p> : null}
      {shown ? (
        <div class="frames">
          <Frame size={PREVIEW_SIZES[0]} label={w.phone} src={src(PREVIEW_SIZES[0].cookieName)} w={w} />
          <Frame size={PREVIEW_SIZES[1]} label={w.desktop} src={src(PREVIEW_SIZES[1].cookieName)} w={w} />
        </div>
      ) : null}
    </div>
  );
}
