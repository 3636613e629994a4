/**
 * Thunderbird's ISPDB: first the snapshot shipped with the app (resources/ispdb, unmodified MPL-2.0
 * files, see its README), so that discovery works offline and at once; then, for a domain the
 * snapshot lacks, the live service (https://autoconfig.thunderbird.net/v1.1/<domain>, base URL
 * overridable with MAILCHECK_ISPDB_URL).
 *
 * The snapshot's files are named after one provider domain but list every domain they serve
 * (`<domain>` elements): the index from address domain to file is built in memory on first use.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fetchConfig, type FetchOptions } from './fetch-config';
import type { LookupLog } from './lookup-log';
import { parseConfigXml, type ParsedConfig } from './config-xml';

export const DEFAULT_ISPDB_URL = 'https://autoconfig.thunderbird.net/v1.1/';

/**
 * Where the snapshot is: resources/ispdb beside out/ (the CLI bundle in out/cli, the app in
 * out/main, inside the asar when packaged) or beside src/ (tests run the sources).
 */
export function defaultIspdbDir(): string {
  const candidates = [
    join(__dirname, '..', '..', 'resources', 'ispdb'),
    join(__dirname, '..', '..', '..', 'resources', 'ispdb'),
  ];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

export interface IspdbEntry {
  config: ParsedConfig;
  /** The file name in the snapshot, or the live URL. */
  origin: string;
  live: boolean;
}

const indexes = new Map<string, Promise<Map<string, string>>>();

async function buildIndex(dir: string): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const files = (await readdir(dir)).filter((f) => f.endsWith('.xml')).sort();
  // Read in parallel, indexed in file order (the first file that lists a domain keeps it).
  const texts = await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')));
  files.forEach((file, i) => {
    const xml = texts[i]!.replace(/<!--[\s\S]*?-->/g, '');
    for (const match of xml.matchAll(/<domain>\s*([^<\s]+)\s*<\/domain>/g)) {
      const domain = match[1]!.toLowerCase();
      if (!index.has(domain)) index.set(domain, file);
    }
    // The file's own name is a domain it serves too.
    const own = file.slice(0, -'.xml'.length).toLowerCase();
    if (!index.has(own)) index.set(own, file);
  });
  return index;
}

function indexOf(dir: string): Promise<Map<string, string>> {
  let index = indexes.get(dir);
  if (!index) {
    index = buildIndex(dir);
    indexes.set(dir, index);
    index.catch(() => indexes.delete(dir));
  }
  return index;
}

export class Ispdb {
  constructor(
    private readonly dir: string,
    private readonly liveBase: string,
    private readonly log: LookupLog,
  ) {}

  /** The snapshot's entry for a domain, or null. */
  async snapshot(domain: string): Promise<IspdbEntry | null> {
    return this.log.run(
      'ispdb-snapshot',
      domain,
      async () => {
        const file = (await indexOf(this.dir)).get(domain.toLowerCase());
        if (!file) return null;
        const config = parseConfigXml(await readFile(join(this.dir, file), 'utf8'));
        return config ? { config, origin: `ispdb:${file}`, live: false } : null;
      },
      (entry) => ({ found: !!entry, detail: entry?.origin.slice('ispdb:'.length) }),
    );
  }

  /** The live service's entry for a domain, or null (404, not a config, network trouble). */
  async live(domain: string, fetch: Omit<FetchOptions, 'kind' | 'log'>): Promise<IspdbEntry | null> {
    const url = `${this.liveBase.replace(/\/?$/, '/')}${encodeURIComponent(domain)}`;
    const xml = await fetchConfig(url, { ...fetch, log: this.log, kind: 'ispdb-live' }).catch(() => null);
    const config = xml ? parseConfigXml(xml) : null;
    return config ? { config, origin: url, live: true } : null;
  }

  /** Snapshot first (offline, instant), then the live service. */
  async find(domain: string, fetch: Omit<FetchOptions, 'kind' | 'log'>): Promise<IspdbEntry | null> {
    return (await this.snapshot(domain).catch(() => null)) ?? this.live(domain, fetch);
  }
}
