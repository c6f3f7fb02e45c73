import { useTranslation } from 'react-i18next';
import { useRoutes } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { CustomsQueuePage } from './CustomsQueuePage';
import { DeclarationPage } from './DeclarationPage';
import { OfficerActions } from './OfficerActions';
import { customsPaths } from './paths';
import '../backoffice/backoffice.css';
import './customs.css';

/** The customs officers' back office: the queues by channel, and each declaration with its inspection. */
export default function OfficerSection() {
  const { t } = useTranslation();
  return useRoutes([
    { index: true, element: <CustomsQueuePage /> },
    {
      path: 'declarations/:reference',
      element: (
        <DeclarationPage
          back={{ to: customsPaths.queue, label: t('customs.declaration.backToQueue') }}
          actions={(detail, reload) => <OfficerActions detail={detail} onChanged={reload} />}
        />
      ),
    },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
