import { Type } from 'typebox';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { Closed, errors, Uuid } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import type { Passengers } from './index.ts';
import { BorderScanSchema, CurrencyAnswerSchema, CurrencyDeclarationBody, CurrencyDeclarationSchema, VehiclePassBody, VehiclePassSchema } from './http-schema.ts';

const Crossing = Closed({ officeCode: Type.String({ pattern: '^[A-Z0-9]{4,12}$', description: 'the office where the officer stands' }) });

export function passengerRoutes(app: App, passengers: Passengers): void {
  const tags = ['passengers'];
  const { passes, declarations } = passengers;

  app.post('/api/passengers/vehicle-passes', {
    config: { access: 'passengers.travel' },
    schema: {
      tags,
      summary: 'Request a vehicle temporary-admission pass before travel: issued at once as a signed document with a QR code, in the traveller\'s language',
      body: VehiclePassBody,
      response: { 201: VehiclePassSchema, ...errors(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await passes.requestPass(principalOf(request), changeContext(request), request.body)));

  app.get('/api/passengers/vehicle-passes', {
    config: { access: 'passengers.travel' },
    schema: { tags, summary: "The traveller's own passes, newest first", response: { 200: Type.Object({ items: Type.Array(VehiclePassSchema) }), ...errors(401, 403) } },
  }, async (request) => ({ items: await passes.myPasses(principalOf(request)) }));

  app.get('/api/passengers/vehicle-passes/overdue', {
    config: { access: 'passengers.border' },
    schema: {
      tags,
      summary: 'Vehicles flagged overdue and still in the country (customs); includeClosed adds those that have left since',
      querystring: Closed({ includeClosed: Type.Optional(Type.Boolean()) }),
      response: { 200: Type.Object({ items: Type.Array(VehiclePassSchema) }), ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await passes.overdueVehicles(principalOf(request), request.query.includeClosed ?? false) }));

  for (const crossing of ['entry', 'exit'] as const) {
    app.post(`/api/passengers/vehicle-passes/:id/${crossing}`, {
      config: { access: 'passengers.border' },
      schema: {
        tags,
        summary: crossing === 'entry' ? "Record the vehicle's entry at the officer's office (once: again is a 409)" : "Record the vehicle's exit: closes the pass, overdue or not (once: again is a 409)",
        params: Closed({ id: Uuid }),
        body: Crossing,
        response: { 200: VehiclePassSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    }, async (request) => {
      const record = crossing === 'entry' ? passes.recordEntry : passes.recordExit;
      return record(principalOf(request), changeContext(request), request.params.id, request.body.officeCode);
    });
  }

  app.post('/api/passengers/currency-declarations', {
    config: { access: 'passengers.travel' },
    schema: {
      tags,
      summary: 'Declare the foreign currency carried across the border: converted at the rates of the day; 201 with the signed declaration from the threshold on, 200 "not required" below it',
      body: CurrencyDeclarationBody,
      response: { 200: CurrencyAnswerSchema, 201: CurrencyAnswerSchema, ...errors(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const answer = await declarations.declare(principalOf(request), changeContext(request), request.body);
    return reply.status(answer.required ? 201 : 200).send(answer);
  });

  app.get('/api/passengers/currency-declarations', {
    config: { access: 'passengers.travel' },
    schema: { tags, summary: "The traveller's own currency declarations, newest first", response: { 200: Type.Object({ items: Type.Array(CurrencyDeclarationSchema) }), ...errors(401, 403) } },
  }, async (request) => ({ items: await declarations.myDeclarations(principalOf(request)) }));

  app.post('/api/passengers/border/scan', {
    config: { access: 'passengers.border' },
    schema: {
      tags,
      summary: "A border officer's scan of a traveller's QR code: the verification (valid, revoked, forged…) and the pass or declaration it attests",
      body: Closed({ payload: Type.String({ minLength: 1, maxLength: 4296, description: 'the text of the QR code' }) }),
      response: { 200: BorderScanSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => passengers.scan(principalOf(request), request.body.payload));
}
