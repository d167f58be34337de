/** The error code (`EACCES`, `ENOENT`…) of a file-system error, else its message. */
export function describeFsError(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
