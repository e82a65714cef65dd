/** Thrown by a sub-command for bad input or a refused operation: printed as one line, exit code 2. */
export class CliError extends Error {}
