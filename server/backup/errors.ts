/** Why a backup cannot be restored; the message is shown to the operator as it is. */
export class BackupError extends Error {
  constructor(
    readonly code: 'TRUNCATED' | 'NEWER_SCHEMA' | 'UNKNOWN_FORMAT' | 'WRONG_DATABASE' | 'SERVER_RUNNING' | 'TOOL_FAILED',
    message: string,
  ) {
    super(message)
  }
}
