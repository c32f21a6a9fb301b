/**
 * `@access-requests/contract/document`: the OpenAPI 3.1 document as a JavaScript object, for
 * validators and tools that should not need a YAML parser or a file system.
 *
 * @example
 * ```ts
 * import { openapiDocument } from '@access-requests/contract/document';
 * const ajv = new Ajv2020(); // compile its components.schemas
 * ```
 *
 * @packageDocumentation
 */
export { openapiDocument } from './generated/document.js';
