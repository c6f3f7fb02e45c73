import { Type } from 'typebox';

/**
 * The shapes of the GovStack Registration Building Block API v0.1.1, field for field as the
 * specification writes them (reference-data/govstack-registration/GovStack_Registration_BB_API.json,
 * components.schemas). Responses are serialised through these, so nothing outside them leaks out.
 */

export const StatusModel = Type.Object({
  code: Type.Enum(['PENDING', 'APPROVED', 'SENDBACK', 'REJECTED']),
  title: Type.String(),
});

export const ListOfProperties = Type.Array(Type.Object({ code: Type.String(), value: Type.String() }));

export const Service = Type.Object({
  id: Type.String({ format: 'uuid', description: 'unique identifier (serviceId)' }),
  name: Type.String(),
  version: Type.String(),
  type: Type.Enum(['None', 'Private', 'Public']),
  isExecutable: Type.Optional(Type.Boolean()),
  description: Type.Optional(Type.String()),
  serviceBody: Type.Optional(ListOfProperties),
});

export const EFormListItem = Type.Object({
  eFormId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  version: Type.String(),
  latest: Type.Boolean(),
});

export const EForm = Type.Object({
  eFormId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  version: Type.String(),
  latest: Type.Boolean(),
  schema: Type.Record(Type.String(), Type.Unknown(), { description: 'The JSON schema of the e-form' }),
});

/**
 * Form data as the specification types it: every field an object. Guichet sends each value as
 * `{ "value": … }`; on input it also takes plain values, as GovStack's own example payload does.
 */
export const FormData = Type.Object({
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  eFormId: Type.Optional(Type.String()),
});

export const DocumentUrls = Type.Array(Type.String());

export const ApplicationFileSubmit = Type.Object({
  applicationName: Type.Optional(Type.String({ maxLength: 200 })),
  applicantId: Type.String({ minLength: 1, maxLength: 100 }),
  created: Type.Optional(Type.String({ format: 'date-time' })),
  formData: Type.Optional(FormData),
  documentUrls: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 50 })),
});

export const ApplicationFileResponse = Type.Object({
  fileId: Type.String(),
  /** Required at this level by the specification, besides `applicationData.applicantId`. */
  applicantId: Type.String(),
  registered: Type.Optional(Type.String({ format: 'date-time' })),
  serviceId: Type.String({ format: 'uuid' }),
  serviceName: Type.String(),
  status: StatusModel,
  ended: Type.Boolean(),
  applicationData: Type.Object({
    applicationName: Type.Optional(Type.String()),
    applicantId: Type.String(),
    created: Type.Optional(Type.String({ format: 'date-time' })),
    formData: Type.Object({ data: Type.Record(Type.String(), Type.Unknown()), eFormId: Type.String() }),
    documentUrls: DocumentUrls,
  }),
});

export const AdditionalData = Type.Object({ data: Type.Optional(Type.Record(Type.String(), Type.Unknown())) });

export const ApplicationListItem = Type.Object({
  fileId: Type.String(),
  mainTaskId: Type.Optional(Type.String()),
  taskTitle: Type.Optional(Type.String()),
  roleId: Type.Optional(Type.String()),
  roleName: Type.Optional(Type.String()),
  assigneeId: Type.Optional(Type.String()),
  operatorName: Type.Optional(Type.String()),
  status: StatusModel,
  applicantId: Type.String(),
  created: Type.Optional(Type.String({ format: 'date-time' })),
  registered: Type.Optional(Type.String({ format: 'date-time' })),
  description: Type.Optional(Type.String()),
  serviceName: Type.String(),
  serviceId: Type.String({ format: 'uuid' }),
  eformId: Type.String(),
  documentUrls: Type.Optional(DocumentUrls),
  additionalMeta: Type.Optional(AdditionalData),
});

export const UploadResponse = Type.Object({
  code: Type.Integer(),
  type: Type.String(),
  message: Type.String(),
  url: Type.String(),
});

export const UserTask = Type.Object({
  taskId: Type.String(),
  mainTaskId: Type.String(),
  name: Type.String(),
  assigneeId: Type.Optional(Type.String()),
  roleId: Type.Optional(Type.String()),
  created: Type.String({ format: 'date-time' }),
  description: Type.String(),
  serviceId: Type.String({ format: 'uuid' }),
  serviceName: Type.String(),
  fileId: Type.String(),
  eFormId: Type.String(),
  status: StatusModel,
});

export const DataUserTask = Type.Object({
  taskId: Type.String(),
  taskName: Type.String(),
  assigneeId: Type.Optional(Type.String()),
  roleId: Type.Optional(Type.String()),
  created: Type.String({ format: 'date-time' }),
  description: Type.String(),
  fileId: Type.String(),
  serviceId: Type.String({ format: 'uuid' }),
  serviceName: Type.String(),
  eFormId: Type.String(),
  formVariables: Type.Record(Type.String(), Type.Unknown()),
  status: StatusModel,
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const CompletedTask = Type.Object({
  taskId: Type.String(),
  fileId: Type.String(),
  serviceId: Type.String({ format: 'uuid' }),
  status: StatusModel,
  variables: Type.Record(Type.String(), Type.Unknown()),
});

// Optional here because the route serialises the platform's error first; system-error.ts then adds the four fields.
export const SystemError = Type.Object(
  {
    traceId: Type.Optional(Type.String()),
    code: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
    localizedMessage: Type.Optional(Type.String()),
    error: Type.Optional(Type.Unknown()),
  },
  { description: "GovStack systemError, carrying the platform's own `error` object as well" },
);

/** The header GovStack's Information Mediator (X-Road) adds: INSTANCE/CLASS/MEMBER/SUBSYSTEM. */
export const InformationMediatorClient = Type.String({
  pattern: '^[^/\\s]+/[^/\\s]+/[^/\\s]+/[^/\\s]+$',
  description: 'calling subsystem, INSTANCE/CLASS/MEMBER/SUBSYSTEM (e.g. eGovStack/GOV/90000009/digitalregistries)',
});

export const Statistic = Type.Object({
  processed: Type.Integer(),
  approved: Type.Integer(),
  sentBack: Type.Integer(),
  rejected: Type.Integer(),
  references: Type.Object({
    startDate: Type.Optional(Type.String({ format: 'date' })),
    endDate: Type.Optional(Type.String({ format: 'date' })),
    registrationName: Type.Optional(Type.String()),
    operator: Type.Optional(Type.String()),
    role: Type.Optional(Type.String()),
    timeframeDay: Type.Boolean(),
    timeframeWeek: Type.Boolean(),
    timeframeMonth: Type.Boolean(),
    timeframeYear: Type.Boolean(),
  }),
});
