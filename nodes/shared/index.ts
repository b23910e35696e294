// The one module the node and credential files import: built once into dist/nodes/shared/index.js (core,
// the catalog and zod bundled in) and required by every node and credential file.
export { authenticatePbxRequest, pbxPreAuthentication, signAlibabaRequest, signVolcengineRequest } from './auth.js';
export { ALIBABA_DEFAULT_ENDPOINTS, ALIBABA_VERSIONS } from '../../core/vendors/alibaba/index.js';
export { CREDENTIAL } from './constants.js';
export { productProperties } from './description.js';
export { executeProduct } from './execute.js';
export { lookupMethods } from './lookup-methods.js';
export { callPolicyProperties } from './policy-properties.js';
export { receiveReceipt } from './receipts.js';
