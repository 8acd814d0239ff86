import type { Request } from 'express';
import passportModule from 'passport';
import type { User } from './entities/user.entity';
import type { UsersService } from './users.service';

/** The user kept on `req.user`: what every page needs, nothing secret. */
export interface SessionUser {
  id: string;
  email: string;
  platformAdmin: boolean;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends SessionUser {}
  }
}

export function toSessionUser(user: User): SessionUser {
  return { id: user.id, email: user.email, platformAdmin: user.platformAdmin };
}

/**
 * The session stores only the user id. On each request the account is reloaded; a session that
 * was made before the account's `sessionsValidAfter` (log out everywhere, new password) is void.
 *
 * Each app gets its own passport instance: the module's default one is a process-wide singleton
 * whose (de)serializers pile up, so a second app in the same process (two web nodes in a test)
 * would load users through the first app's services and hide its own wiring.
 */
export function configurePassport(users: UsersService): passportModule.Authenticator {
  const passport = new passportModule.Passport();
  passport.serializeUser((user, done) => done(null, (user as SessionUser).id));
  passport.deserializeUser(
    async (req: Request, id: string, done: (err: unknown, user?: SessionUser | false) => void) => {
      try {
        const user = await users.findById(id);
        const createdAt = req.session?.createdAt ?? 0;
        if (!user || createdAt < user.sessionsValidAfter.getTime()) return done(null, false);
        done(null, toSessionUser(user));
      } catch (e) {
        done(e);
      }
    },
  );
  return passport;
}
