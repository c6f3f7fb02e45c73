import { Ajv2020 } from 'ajv/dist/2020.js';
import { pathOf, validationMessage } from '../../platform/http/validation-messages.ts';
import { AppError } from '../../platform/http/errors.ts';
import { CargoManifestSchema, type CargoManifest } from './manifest.ts';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile<CargoManifest>(CargoManifestSchema);

/**
 * Checks a manifest against its JSON Schema (a JSON body is already checked by the route; one
 * mapped from CUSCAR or received on the exchange is checked here), refusing with every problem
 * and its path (`manifest.lines[2].containers[0]`), as the API refuses any body.
 */
export function assertValidManifest(value: unknown, part = 'manifest'): CargoManifest {
  if (validate(value)) return value;
  const fields = (validate.errors ?? []).map((error) => {
    const path = pathOf(error, part);
    return { path, code: error.keyword, ...validationMessage(error, path) };
  });
  throw new AppError(422, 'manifest_invalid', { path: fields[0]?.path ?? part }, { fields });
}
