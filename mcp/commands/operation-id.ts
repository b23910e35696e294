// Operation IDs as a person types them: exact, in any letter case, or without the product prefix
// when only one product has that operation; anything else gets "did you mean".
import { catalog } from '../../core/registry.js';
import { UsageError } from './exit-codes.js';
import { didYouMean, suggest } from './suggest.js';

const bareName = (id: string) => id.slice(id.indexOf('.') + 1);

/** The catalog ID the user meant, or a usage error with the closest IDs. Nothing is started or sent. */
export function resolveOperationId(given: string): string {
  const text = given.trim();
  if (catalog.has(text)) return text;
  const ids = [...catalog.keys()];
  const lower = text.toLowerCase();
  const sameId = ids.find((id) => id.toLowerCase() === lower);
  if (sameId) return sameId;
  const sameName = ids.filter((id) => bareName(id).toLowerCase() === lower);
  if (sameName.length === 1) return sameName[0];
  if (sameName.length > 1) throw new UsageError(`"${given}" is an operation of several products: ${sameName.join(', ')}. Give the full ID.`);
  const close = suggest(text, ids, (id) => [id, bareName(id)]);
  throw new UsageError(`Unknown operation "${given}".${didYouMean(close)} List them with: callbridge ops list`);
}
