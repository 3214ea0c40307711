import type { Logger } from '../platform/logger';
import type { AuthService } from './auth-service';

/** The key docker-compose.yml starts with when BOOTSTRAP_ACCESS_KEY is not set: everyone knows it. */
export const PUBLISHED_DEFAULT_KEY = 'opencall-dev-key';

/** Says at every start, while the published default key still opens the API, that it must be replaced. */
export async function warnIfPublishedKeyWorks(auth: Pick<AuthService, 'authenticate'>, logger: Logger): Promise<void> {
  const works = await auth.authenticate(PUBLISHED_DEFAULT_KEY).then(
    () => true,
    () => false,
  );
  if (works) {
    logger.warn(
      { accessKey: PUBLISHED_DEFAULT_KEY },
      `the access key "${PUBLISHED_DEFAULT_KEY}" is the published default (docker-compose.yml): anyone can use it. Fine for a try on your machine; otherwise make a key (/v1.0/accesskeys) and delete this one, or start on an empty database with BOOTSTRAP_ACCESS_KEY set`,
    );
  }
}
