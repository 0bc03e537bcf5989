import { getDomain } from 'tldts';

/**
 * The key of a page's per-site settings: its registrable domain from the Public Suffix List
 * (news.example.co.uk → example.co.uk; user.github.io stays itself, a private suffix), or the bare
 * host for IP addresses and single-label hosts. Null for pages that are not http(s).
 */
export function siteOf(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const domain = getDomain(parsed.hostname, { allowPrivateDomains: true });
  return domain ?? parsed.hostname.replace(/^\[|\]$/g, '');
}
