/** The generation on disk is incomplete, corrupt or from another schema; the message says which. */
export class GenerationLoadError extends Error {
  override readonly name = 'GenerationLoadError';
}

/** Throws GenerationLoadError: generation `id` cannot be loaded, and `why`. */
export function failLoad(id: string, why: string): never {
  throw new GenerationLoadError(`index generation ${id} cannot be loaded: ${why}`);
}
