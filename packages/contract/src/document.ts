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
 * @module @access-requests/contract/document
 */
import { openapiDocument as CONTRACT_DOCUMENT } from './generated/document.js';

/**
 * The OpenAPI 3.1 document of the access-requests API, parsed from `access-requests.yaml` when the
 * package was generated: the same content as the YAML file the package ships, with no parser needed.
 *
 * @example
 * ```ts
 * import { openapiDocument } from '@access-requests/contract/document';
 *
 * const schemas = (openapiDocument.components as { schemas: Record<string, object> }).schemas;
 * Object.keys(schemas).includes('AccessRequest'); // true
 * ```
 */
export const openapiDocument: Readonly<Record<string, unknown>> = CONTRACT_DOCUMENT;
