import { useTranslation } from 'react-i18next';
import { useLocation, useRoutes } from 'react-router';
import { isolate } from '../i18n/languages';
import { NotFoundPage } from '../pages/NotFoundPage';
import { DeclarationPage } from './DeclarationPage';
import { DutyPayment } from './DutyPaymentPanel';
import { LodgeDeclarationPage } from './LodgeDeclarationPage';
import { MyDeclarations } from './MyDeclarations';
import { customsPaths } from './paths';
import '../backoffice/backoffice.css';
import './customs.css';

/** A broker's (or a trader's) declarations: the company's list, the form to lodge one, and each one. */
export default function BrokerSection() {
  return useRoutes([
    { index: true, element: <MyDeclarations /> },
    { path: 'new', element: <LodgeDeclarationPage /> },
    { path: ':reference', element: <BrokerDeclaration /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}

/** Arriving from the form, the page says the declaration was lodged, under which reference; assessed, it offers to pay its duties. */
function BrokerDeclaration() {
  const { t } = useTranslation();
  const location = useLocation();
  const lodged = (location.state as { lodged?: string } | null)?.lodged;
  return (
    <DeclarationPage
      back={{ to: customsPaths.myDeclarations, label: t('customs.mine.back') }}
      notice={lodged ? t('customs.lodge.lodged', { reference: isolate(lodged) }) : null}
      actions={(detail, reload) => <DutyPayment detail={detail} onChanged={reload} />}
    />
  );
}
