import { useState } from 'preact/hooks';
import { catalog } from '../../config/catalog';
import type { Locale, Tracker, TrackerRef } from '../../config/types';
import { searchCatalog } from '../search';
import { fill, type Words } from '../words';

const ENTRIES = Object.values(catalog).sort((a, b) => a.name.localeCompare(b.name));
/** Results shown at once; the search narrows them. */
const SHOWN = 30;

const refId = (ref: TrackerRef) => (typeof ref === 'string' ? ref : ref.id);
const httpLink = (url: string) => /^https?:\/\//i.test(url);

function Entry({ entry, chosen, locale, w, onToggle }: { entry: Tracker; chosen: boolean; locale: Locale; w: Words; onToggle(): void }) {
  return (
    <li class="entry">
      <div class="entry-head">
        <strong>{entry.name}</strong> <span class="muted">{entry.provider} · {entry.category}</span>
        <button type="button" class={chosen ? 'secondary' : ''} aria-pressed={chosen} aria-label={`${chosen ? w.remove : w.add} ${entry.name}`} onClick={onToggle}>
          {chosen ? w.remove : w.add}
        </button>
      </div>
      <p class="muted">{entry.description[locale] ?? entry.description.fr ?? entry.description.en}</p>
      {entry.cookies.length ? (
        <details>
          <summary>
            {w.cookies} ({entry.cookies.length})
          </summary>
          <ul>
            {entry.cookies.map((cookie) => (
              <li>
                <code>{cookie.name}</code> — {cookie.lifetime}: {cookie.purpose[locale] ?? cookie.purpose.fr ?? cookie.purpose.en}
              </li>
            ))}
          </ul>
          {entry.sources?.length ? (
            <p class="muted">
              {w.sources}:{' '}
              {entry.sources.filter(httpLink).map((url, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={url} target="_blank" rel="noopener noreferrer">
                    {new URL(url).host}
                  </a>
                </>
              ))}
            </p>
          ) : null}
        </details>
      ) : null}
    </li>
  );
}

/** The catalog, searched, each entry added to or removed from the config's `trackers`. */
export function CatalogPicker({ trackers, locale, w, onChange }: { trackers: TrackerRef[]; locale: Locale; w: Words; onChange(next: TrackerRef[]): void }) {
  const [query, setQuery] = useState('');
  const found = searchCatalog(ENTRIES, query, locale);
  const chosen = new Set(trackers.map(refId));
  const toggle = (id: string) => onChange(chosen.has(id) ? trackers.filter((ref) => refId(ref) !== id) : [...trackers, id]);
  return (
    <div class="picker">
      <label for="catalog-search">{w.search}</label>
      <input id="catalog-search" type="search" value={query} aria-describedby="catalog-count" onInput={(e) => setQuery(e.currentTarget.value)} />
      <p id="catalog-count" class="muted" role="status">
        {fill(w.results, { n: found.length })}
      </p>
      <ul class="entries">
        {found.slice(0, SHOWN).map((entry) => (
          <Entry entry={entry} chosen={chosen.has(entry.id)} locale={locale} w={w} onToggle={() => toggle(entry.id)} />
        ))}
      </ul>
    </div>
  );
}
