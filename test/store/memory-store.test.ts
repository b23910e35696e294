import { MemoryStore } from '../../core/policy/memory-store.js';
import { policyStoreContract } from './policy-store.contract.js';

let n = 0;
policyStoreContract('memory', async (now) => {
  const store = new MemoryStore({ now, nonce: () => `n${++n}` });
  return { store, another: async () => store };
});
