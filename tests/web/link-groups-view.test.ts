import { describe, expect, it } from 'vitest';
import { findMetadataOnlyTargets } from '../../web/src/link-groups-view.ts';
import type { Provenance, Reference } from '../../web/src/types.ts';

function reference(target: string, via: Provenance[] | undefined): Reference {
  return { target: { id: target, label: target, kind: 'ARTICLE' }, code: 'CGCT', pinpoints: [], spans: [], resolution: 'RESOLVED', candidates: [], ...(via ? { via } : {}) };
}

describe('findMetadataOnlyTargets', () => {
  it('names the targets cited only in the metadata ("Cite"), as L1115-1 cites L4131-1 after npm start', () => {
    const references = [
      reference('L4141-1', ['TEXT']),
      reference('L2131-1', ['LINK', 'TEXT']),
      reference('L4131-1', ['METADATA']),
      reference('L1112-1', ['METADATA']),
    ];
    expect([...findMetadataOnlyTargets(references)]).toEqual(['L4131-1', 'L1112-1']);
  });

  it('does not mark a target the text also cites, in another reference to it, nor one whose provenance is unknown', () => {
    const references = [reference('L2131-1', ['METADATA']), reference('L2131-1', ['TEXT']), reference('L3131-1', undefined)];
    expect(findMetadataOnlyTargets(references).size).toBe(0);
  });
});
