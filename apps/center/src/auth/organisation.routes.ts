import type { z } from 'zod';
import type { CenterRoute } from '../http/center-route';
import { signedIn } from './auth.routes';
import { CENTER_ROLES } from './center-roles';
import { addOrganisation, listOrganisations } from './organisations';
import { NewOrganisationSchema } from './staff-schemas';

/* Evaluation organisations: centre admins add them; everyone signed in lists (org staff: their own). */

export const organisationRoutes: readonly CenterRoute[] = [
  {
    method: 'GET',
    path: '/api/organisations',
    roles: CENTER_ROLES,
    async handle(ctx, request) {
      return {
        kind: 'json',
        data: { organisations: await listOrganisations(ctx, signedIn(request)) },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/organisations',
    roles: ['centre_admin'],
    body: NewOrganisationSchema,
    async handle(ctx, request) {
      const actor = signedIn(request);
      const organisation = await addOrganisation(
        ctx,
        actor,
        request.body as z.infer<typeof NewOrganisationSchema>,
      );
      return { kind: 'json', status: 201, data: { organisation } };
    },
  },
];
