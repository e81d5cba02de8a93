// Who performs a write: a signed-in user (a SessionUser fits), or the command line run without --as (id null).
import type { Role } from './permissions';

export interface Actor {
	/** user.id, or null for the command line run without --as. */
	id: string | null;
	role: Role;
	/** The user's own organ (a clerk's), null when not bound to one. */
	organId: number | null;
}
