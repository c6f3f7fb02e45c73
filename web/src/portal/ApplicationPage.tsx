import { useCallback, useRef, useState } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import type { ApplicationView } from '../applications/types';
import { useSubmission } from '../forms/useSubmission';
import { useFormats, useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { ApplicationForm, type FormHandle } from './ApplicationForm';
import { missingRequired } from './attachmentRules';
import { Attachments } from './Attachments';
import { definitionPath, portalPaths, type ProcedureDefinition } from './definition';
import { FeeSummary } from './FeeSummary';
import { FileDocuments } from './FileDocuments';
import { FileActions } from './FileActions';
import { placeProblems } from './formUi';
import { PaymentPanel } from './PaymentPanel';
import { correctionRequest, Timeline } from './Timeline';
import { useDraftSaver, type DraftStatus } from './useDraftSaver';

type Data = Record<string, unknown>;

/** One file: its form while the applicant may change it, else what was sent, its fee and its story. */
export function ApplicationPage() {
  const { applicationId = '' } = useParams();
  const file = useApiResource<ApplicationView>(`/api/applications/${encodeURIComponent(applicationId)}`);
  const view = file.data;
  if (!view) return file.error ? <ErrorAlert error={file.error} /> : <Loading />;
  return <FileWithDefinition view={view} reload={file.reload} />;
}

function FileWithDefinition({ view, reload }: { view: ApplicationView; reload(): Promise<void> }) {
  // A file is read against the version it is pinned to, never the latest.
  const definition = useApiResource<ProcedureDefinition>(definitionPath(view.procedureId, view.procedureVersion));
  if (!definition.data) return definition.error ? <ErrorAlert error={definition.error} /> : <Loading />;
  return <FileScreen key={view.id} view={view} definition={definition.data} reload={reload} />;
}

interface FileScreenProps {
  view: ApplicationView;
  definition: ProcedureDefinition;
  reload(): Promise<void>;
}

function FileScreen({ view, definition, reload }: FileScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const [notice, setNotice] = useState<string | null>(null);
  const correction = view.editable ? correctionRequest(view.timeline, view.state) : null;
  const title = view.procedureTitle[language];
  const due = view.fee?.due ?? false;

  const moved = useCallback(
    async (message: string) => {
      setNotice(message);
      await reload();
    },
    [reload],
  );

  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <dl className="portal-facts portal-facts--wide">
        <div>
          <dt>{t('portal.file.reference')}</dt>
          <dd className="identifier">{view.reference || t('portal.file.draftReference')}</dd>
        </div>
        <div>
          <dt>{t('portal.file.state')}</dt>
          <dd>
            <strong className="portal-state" data-state={view.state}>
              {view.state === 'draft' ? t('portal.file.draft') : view.stateLabel[language]}
            </strong>
          </dd>
        </div>
        {view.dueOn ? (
          <div>
            <dt>{t('portal.file.dueOn')}</dt>
            <dd>{formats.day(view.dueOn)}</dd>
          </div>
        ) : null}
        {view.company ? (
          <div>
            <dt>{t('portal.file.company')}</dt>
            <dd>{t('portal.file.companyFiledBy', { company: isolate(view.company.name), person: isolate(view.applicant.label) })}</dd>
          </div>
        ) : null}
      </dl>
      <StatusMessage message={notice} tone="success" />
      {correction ? (
        <section className="alert alert--warning portal-correction" aria-labelledby="correction-heading">
          <h2 id="correction-heading">{t('portal.file.correctionTitle')}</h2>
          <blockquote>{correction.comment}</blockquote>
          <p className="cell-note">{t('portal.timeline.when', { at: formats.dateTime(correction.at), actor: isolate(correction.actor.label) })}</p>
        </section>
      ) : null}
      {/* What the applicant does next, or what the file brought, comes before what was sent. */}
      {view.fee && due ? <PaymentPanel view={{ ...view, fee: view.fee }} onPaid={moved} /> : null}
      {view.state !== 'draft' ? <FileDocuments key={view.updatedAt} applicationId={view.id} expectDocument={view.outcome === 'approved' && definition.document !== null} /> : null}
      {view.editable ? (
        // A new state starts a new editing session: the typed data comes from the server again.
        <FileEditor key={view.state} view={view} definition={definition} reload={reload} onMoved={moved} />
      ) : (
        <>
          <section className="card" aria-labelledby="file-data">
            <h2 id="file-data">{t('portal.file.data')}</h2>
            <ApplicationForm definition={definition} data={view.data} readonly />
          </section>
          <Attachments
            applicationId={view.id}
            rules={definition.attachments}
            attached={view.attachments}
            editable={false}
            problems={{}}
            onChanged={() => void reload()}
          />
        </>
      )}
      {view.fee && !due ? <FeeSummary fee={view.fee} /> : null}
      <FileActions file={view} except={['resubmit']} onDone={(next) => void moved(t('portal.file.moved', { state: next.stateLabel[language] }))} />
      <Timeline entries={view.timeline} />
    </div>
  );
}

interface FileEditorProps extends FileScreenProps {
  onMoved(message: string): Promise<void>;
}

/** The form, saved as it is typed, its documents, and the button that sends it. */
function FileEditor({ view, definition, reload, onMoved }: FileEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const navigate = useNavigate();
  const [data, setData] = useState<Data>(view.data);
  const [serverErrors, setServerErrors] = useState<ErrorSchema<Data> | undefined>(undefined);
  const [attachmentProblems, setAttachmentProblems] = useState<Record<string, string>>({});
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const formRef = useRef<FormHandle | null>(null);
  const { pending, error, setError, run } = useSubmission();
  const filePath = `/api/applications/${encodeURIComponent(view.id)}`;
  const drafts = useDraftSaver(async (next) => {
    await request<ApplicationView>(`${filePath}/data`, { method: 'PUT', body: { data: next } });
  });
  const resubmitting = view.actions.find((action) => action.action === 'resubmit');
  const [discarding, setDiscarding] = useState(false);

  function send() {
    void run(
      async () => {
        setServerErrors(undefined);
        setUnplaced([]);
        const formValid = formRef.current?.validateForm() ?? true;
        const missing = missingRequired(definition.attachments, view.attachments);
        setAttachmentProblems(Object.fromEntries(missing.map((rule) => [rule.kind, t('portal.attachments.missing')])));
        if (!formValid || missing.length > 0) {
          throw new ApiError(400, 'form_incomplete', t('portal.file.fixErrors'), language);
        }
        // The server validates what it stored: the last keystrokes first.
        await drafts.flush();
        const next = resubmitting
          ? await request<ApplicationView>(`${filePath}/actions`, { method: 'POST', body: { action: 'resubmit' } })
          : await request<ApplicationView>(`${filePath}/submit`, { method: 'POST' });
        await onMoved(t('portal.file.sent', { state: next.stateLabel[language] }));
      },
      (failure) => {
        if (failure instanceof ApiError && failure.code === 'validation_failed') {
          const placed = placeProblems(failure.details);
          setServerErrors(placed.form);
          setAttachmentProblems(placed.attachments);
          setUnplaced(placed.unplaced);
        }
        setError(failure);
      },
    );
  }

  return (
    <>
      <section className="card stack" aria-labelledby="file-form">
        <div className="portal-form__header">
          <h2 id="file-form">{t('portal.file.form')}</h2>
          <DraftState status={drafts.status} />
        </div>
        <ErrorAlert error={drafts.status === 'failed' ? drafts.error : null} />
        <ApplicationForm
          definition={definition}
          data={data}
          readonly={false}
          serverErrors={serverErrors}
          formRef={formRef}
          onChange={(next) => {
            setData(next);
            drafts.change(next);
          }}
        />
      </section>
      <Attachments
        applicationId={view.id}
        rules={definition.attachments}
        attached={view.attachments}
        editable
        problems={attachmentProblems}
        onChanged={() => {
          setAttachmentProblems({});
          void reload();
        }}
      />
      <section className="card stack" aria-labelledby="file-send">
        <h2 id="file-send">{resubmitting ? resubmitting.label[language] : t('portal.file.submitTitle')}</h2>
        <p>{resubmitting ? t('portal.file.resubmitHint') : t('portal.file.submitHint')}</p>
        <ErrorAlert error={error} />
        {unplaced.length > 0 ? (
          <ul className="field__error">
            {unplaced.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        ) : null}
        <div className="actions">
          <button type="button" className="button" disabled={pending} onClick={send}>
            {resubmitting ? resubmitting.label[language] : t('portal.file.submit')}
          </button>
          {view.state === 'draft' ? (
            <button type="button" className="button button--secondary" disabled={pending} onClick={() => setDiscarding(true)}>
              {t('portal.file.discard')}
            </button>
          ) : null}
        </div>
      </section>
      {discarding ? (
        <DiscardDialog
          onCancel={() => setDiscarding(false)}
          onConfirm={async () => {
            await request(filePath, { method: 'DELETE' });
            await navigate(portalPaths.myFiles);
          }}
        />
      ) : null}
    </>
  );
}

function DiscardDialog({ onCancel, onConfirm }: { onCancel(): void; onConfirm(): Promise<void> }) {
  const { t } = useTranslation();
  const { pending, error, run } = useSubmission();
  return (
    <ConfirmDialog
      title={t('portal.file.discardTitle')}
      confirmLabel={t('portal.file.discard')}
      pending={pending}
      error={error}
      onCancel={onCancel}
      onConfirm={() => void run(onConfirm)}
    >
      <p>{t('portal.file.discardBody')}</p>
    </ConfirmDialog>
  );
}

function DraftState({ status }: { status: DraftStatus }) {
  const { t } = useTranslation();
  return (
    <p className="portal-draft-state" role="status" data-status={status}>
      {status === 'idle' ? '' : t(`portal.draft.${status}`)}
    </p>
  );
}
