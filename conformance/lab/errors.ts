// The one error the lab throws for a machine that cannot run it (no Java, no network, not root...):
// its message is a single sentence the command line prints as it is, with exit code 2.

export class LabUnavailable extends Error {
  override readonly name = 'LabUnavailable';
}

/** A command the lab runs failed: the command, its exit and the tail of what it printed. */
export class LabCommandFailed extends Error {
  override readonly name = 'LabCommandFailed';
}
