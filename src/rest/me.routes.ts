import { Router, type Request, type Response } from 'express';
import type { AuthService, Credential } from '../services/auth-service';
import { principalOf } from './authenticate';
import { formatTime, NOT_YET } from './voipbin-time';

// VoIPBIN's permission bits: ProjectSuperAdmin for the platform administrator, CustomerAdmin
// otherwise (every credential here manages its whole customer).
const PROJECT_SUPER_ADMIN = 1;
const CUSTOMER_ADMIN = 32;

/** The credentials in the shape of VoIPBIN's agent (the product has users and keys, not agents). */
const presentMe = (credential: Credential) => ({
  id: credential.id,
  customer_id: credential.customerId,
  username: credential.username,
  name: credential.name,
  detail: credential.detail,
  ring_method: 'ringall',
  status: '',
  permission: credential.isAdmin ? PROJECT_SUPER_ADMIN : CUSTOMER_ADMIN,
  tag_ids: [],
  addresses: [],
  tm_create: formatTime(credential.tmCreate),
  tm_update: formatTime(credential.tmUpdate),
  tm_delete: NOT_YET,
});

/** `GET /v1.0/me`: who the credentials of the request are. */
export function createMeRouter(auth: Pick<AuthService, 'credential'>): Router {
  const router = Router();
  router.get('/', async (_req: Request, res: Response) => {
    res.json(presentMe(await auth.credential(principalOf(res))));
  });
  return router;
}
