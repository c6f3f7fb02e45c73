import type { LocalisedText } from '../platform/auth/schema.ts';
import type { Role } from '../platform/auth/roles.ts';

/**
 * The fictional country the demo ships with: the Republic of Kandara, a coastal West African
 * state with a CFA franc economy, French and Arabic as official languages.
 */
export const DEMO_COUNTRY = {
  code: 'KD',
  names: { fr: 'République de Kandara', ar: 'جمهورية كندارة', en: 'Republic of Kandara' } satisfies LocalisedText,
  currency: 'XOF',
};

export const DEMO_AGENCIES: { code: string; names: LocalisedText }[] = [
  { code: 'CUSTOMS', names: { fr: 'Direction générale des douanes', ar: 'المديرية العامة للجمارك', en: 'General Directorate of Customs' } },
  { code: 'COMMERCE', names: { fr: 'Ministère du Commerce', ar: 'وزارة التجارة', en: 'Ministry of Commerce' } },
  { code: 'AGRICULTURE', names: { fr: "Ministère de l'Agriculture", ar: 'وزارة الفلاحة', en: 'Ministry of Agriculture' } },
  { code: 'HEALTH', names: { fr: 'Ministère de la Santé et de la Pharmacie', ar: 'وزارة الصحة والصيدلة', en: 'Ministry of Health and Pharmacy' } },
  { code: 'PORT', names: { fr: 'Autorité portuaire de Kandara', ar: 'السلطة المينائية لكندارة', en: 'Kandara Port Authority' } },
  { code: 'CIVIL_REGISTRY', names: { fr: "Direction de l'état civil", ar: 'مديرية الحالة المدنية', en: 'Civil Registry' } },
  { code: 'JUSTICE', names: { fr: 'Ministère de la Justice', ar: 'وزارة العدل', en: 'Ministry of Justice' } },
  { code: 'TREASURY', names: { fr: 'Trésor public', ar: 'الخزينة العمومية', en: 'Public Treasury' } },
  { code: 'ARCHIVES', names: { fr: 'Archives nationales', ar: 'الأرشيف الوطني', en: 'National Archives' } },
];

export const DEMO_PASSWORD = 'Guichet-Demo-2026';

export interface DemoAccount {
  email: string;
  displayName: string;
  locale: 'fr' | 'ar' | 'en';
  role: Role;
  agencyCode: string | null;
  company?: { taxId: string; name: string };
  /** What the README says this account is for. */
  purpose: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'awa.ndiaye@demo.guichet.test', displayName: 'Awa Ndiaye', locale: 'fr', role: 'applicant', agencyCode: null, purpose: 'citizen applicant' },
  {
    email: 'moussa.traore@demo.guichet.test',
    displayName: 'Moussa Traoré',
    locale: 'fr',
    role: 'applicant',
    agencyCode: null,
    company: { taxId: 'KD-2019-004512', name: 'Kandara Riz Import SARL' },
    purpose: 'business applicant for Kandara Riz Import SARL',
  },
  {
    email: 'aicha.diallo@demo.guichet.test',
    displayName: 'Aïcha Diallo',
    locale: 'ar',
    role: 'applicant',
    agencyCode: null,
    company: { taxId: 'KD-2019-004512', name: 'Kandara Riz Import SARL' },
    purpose: "second user of Kandara Riz Import SARL: sees the company's files",
  },
  {
    email: 'ousmane.diop@demo.guichet.test',
    displayName: 'Ousmane Diop',
    locale: 'fr',
    role: 'applicant',
    agencyCode: null,
    company: { taxId: 'KD-2015-000871', name: 'Transit Sahel SARL' },
    purpose: 'licensed customs broker (Transit Sahel SARL): lodges declarations for importers',
  },
  { email: 'fatou.sow@demo.guichet.test', displayName: 'Fatou Sow', locale: 'fr', role: 'officer', agencyCode: 'COMMERCE', purpose: 'officer, Ministry of Commerce' },
  { email: 'karim.benali@demo.guichet.test', displayName: 'كريم بن علي', locale: 'ar', role: 'officer', agencyCode: 'CUSTOMS', purpose: 'officer, Customs' },
  { email: 'amina.belkacem@demo.guichet.test', displayName: 'Amina Belkacem', locale: 'fr', role: 'officer', agencyCode: 'AGRICULTURE', purpose: 'officer, Ministry of Agriculture' },
  { email: 'nadia.cherif@demo.guichet.test', displayName: 'نادية شريف', locale: 'ar', role: 'officer', agencyCode: 'HEALTH', purpose: 'officer, Ministry of Health and Pharmacy' },
  { email: 'mariam.kone@demo.guichet.test', displayName: 'Mariam Koné', locale: 'fr', role: 'agency_admin', agencyCode: 'COMMERCE', purpose: 'agency administrator, Ministry of Commerce' },
  { email: 'admin@demo.guichet.test', displayName: 'Youssouf Camara', locale: 'fr', role: 'platform_admin', agencyCode: null, purpose: 'platform administrator' },
  { email: 'salma.elidrissi@demo.guichet.test', displayName: 'سلمى الإدريسي', locale: 'ar', role: 'archivist', agencyCode: 'ARCHIVES', purpose: 'archivist, National Archives' },
  { email: 'leila.haddad@demo.guichet.test', displayName: 'Leila Haddad', locale: 'en', role: 'auditor', agencyCode: null, purpose: 'auditor (national)' },
  { email: 'ibrahima.fall@demo.guichet.test', displayName: 'Ibrahima Fall', locale: 'fr', role: 'cashier', agencyCode: 'TREASURY', purpose: 'cashier, Public Treasury' },
  { email: 'khadija.mansour@demo.guichet.test', displayName: 'Khadija Mansour', locale: 'fr', role: 'accountant', agencyCode: 'TREASURY', purpose: 'accountant, Public Treasury: reconciliation and ledger' },
];
