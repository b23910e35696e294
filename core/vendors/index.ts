// The vendor table: which adapter serves each product. Adding a vendor: its folder here (an adapter,
// see ./types.ts), its operation files under core/catalog/, and one line in VendorConfigs and VENDORS.
import type { CallResult, MapOptions } from '../call-result.js';
import type { Product } from '../operation.js';
import { asArray, asRecord } from './read.js';
import { alibaba, type AlibabaAuth, type AlibabaConfig } from './alibaba/index.js';
import { pbx, type PbxConfig } from './pbx/index.js';
import type { VendorAdapter } from './types.js';
import { volcengine, type VolcengineConfig, type VolcengineSigning } from './volcengine/index.js';

/** Each vendor's configuration (endpoints and credentials) and what its `sign` takes. */
export interface VendorConfigs {
  alibaba: [config: AlibabaConfig, credentials: AlibabaAuth];
  volcengine: [config: VolcengineConfig, credentials: VolcengineSigning];
  pbx: [config: PbxConfig, credentials: { token: string }];
}

export type VendorName = keyof VendorConfigs;

export const VENDORS: { readonly [K in VendorName]: VendorAdapter<VendorConfigs[K][0], VendorConfigs[K][1]> } = { alibaba, volcengine, pbx };

const isVendorName = (name: string): name is VendorName => Object.hasOwn(VENDORS, name);

export const VENDOR_NAMES: readonly VendorName[] = Object.keys(VENDORS).filter(isVendorName);

/** The vendor that serves a product. */
export function vendorOf(product: Product): VendorName {
  const name = VENDOR_NAMES.find((n) => VENDORS[n].products.includes(product));
  if (!name) throw new Error(`no vendor adapter serves product "${product}"`);
  return name;
}

export type { Authenticator, VendorAdapter } from './types.js';

/**
 * Maps a receipt POST body to call results. Alibaba pushes a JSON array; Volcengine and a PBX one object.
 * Items that are not objects are skipped.
 */
export function callResultsFromReceipt(vendor: VendorName, body: unknown, options: MapOptions = {}): CallResult[] {
  const parsed = typeof body === 'string' ? (asRecord(body) ?? asArray(body)) : body;
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.flatMap((item) => {
    const message = asRecord(item);
    return message ? [VENDORS[vendor].receipt(message, options).result] : [];
  });
}
